import type { Metadata } from "next";
import { requirePageRole } from "@/server/session";
import { listUsers } from "@/server/users";
import { AccountStatusForm, NewUserForm, RoleForm } from "./_components/user-forms";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePageRole("admin", "/users");
  const users = await listUsers();
  return (
    <div className="page-narrow">
      <h1>Users</h1>
      <p className="muted">Viewers read; editors record entries, sources, parties and issues and restore from the trash; admins also manage accounts. Disabling an account signs the person out everywhere at once.</p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  <RoleForm userId={u.id} role={u.role} name={u.name} />
                </td>
                <td>
                  <span className={u.disabledAt ? "muted" : undefined}>{u.disabledAt ? "Disabled" : "Active"}</span>{" "}
                  <AccountStatusForm userId={u.id} disabled={u.disabledAt !== null} name={u.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>New account</h2>
      <NewUserForm />
    </div>
  );
}
