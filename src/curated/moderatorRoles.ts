import { assertGuildId, writeTransaction, type Db } from './database.js';

/** Discord role ids are snowflakes. */
const ROLE_ID = /^\d{17,20}$/;

/**
 * The roles a server names as moderators of curated answers. Discord gates slash commands
 * itself (default permissions, and a server's overrides in Server Settings > Integrations),
 * but not buttons and forms: their handlers check the member's permissions and these roles.
 */
export class ModeratorRoleStore {
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(readonly db: Db, private readonly clock: () => number = Date.now) {
    this.sql = prepareStatements(db);
  }

  list(guildId: string): string[] {
    return this.sql.list.all(guildId).map((row) => row.role_id);
  }

  /** Returns false when the role was already a moderator role. */
  add(guildId: string, roleId: string, addedBy: string): boolean {
    assertGuildId(guildId);
    if (!ROLE_ID.test(roleId)) throw new TypeError(`not a role id: ${roleId}`);
    return writeTransaction(this.db, () => this.sql.insert.run(guildId, roleId, addedBy, this.clock()).changes > 0);
  }

  /** Returns false when the role was not a moderator role. */
  remove(guildId: string, roleId: string): boolean {
    return writeTransaction(this.db, () => this.sql.delete.run(guildId, roleId).changes > 0);
  }
}

function prepareStatements(db: Db) {
  return {
    list: db.prepare<[string], { role_id: string }>('SELECT role_id FROM moderator_roles WHERE guild_id = ? ORDER BY added_at, role_id'),
    insert: db.prepare<[string, string, string, number]>(
      'INSERT INTO moderator_roles (guild_id, role_id, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    delete: db.prepare<[string, string]>('DELETE FROM moderator_roles WHERE guild_id = ? AND role_id = ?'),
  };
}
