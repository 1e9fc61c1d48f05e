// The part of better-sqlite3's API the stress checks use (the package ships no types and
// @types/better-sqlite3 is not installed). The app itself reaches SQLite through Prisma.
declare module "better-sqlite3" {
  namespace Database {
    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      timeout?: number;
    }
    interface Statement {
      all(...params: unknown[]): unknown[];
      get(...params: unknown[]): unknown;
    }
  }
  class Database {
    constructor(filename: string, options?: Database.Options);
    prepare(sql: string): Database.Statement;
    close(): this;
  }
  export = Database;
}
