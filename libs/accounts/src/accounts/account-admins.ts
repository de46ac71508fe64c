import { EntityManager } from 'typeorm';

export interface AccountAdminsOf {
  accountName: string;
  /** Every address that administers the account, oldest user first. */
  emails: string[];
}

/**
 * Who administers an account, for mail about it (a failing endpoint): today
 * every user of the account, since the hub has no roles and each user can
 * change everything. Read in the caller's transaction; null for an account
 * that no longer exists.
 */
export const AccountAdmins = {
  async of(tx: EntityManager, accountId: string): Promise<AccountAdminsOf | null> {
    const [row] = (await tx.query(
      `SELECT a.name, COALESCE(array_agg(u.email ORDER BY u.created_at, u.email) FILTER (WHERE u.id IS NOT NULL), '{}') AS emails
         FROM accounts a LEFT JOIN users u ON u.account_id = a.id
        WHERE a.id = $1
        GROUP BY a.id`,
      [accountId],
    )) as { name: string; emails: string[] }[];
    return row ? { accountName: row.name, emails: row.emails } : null;
  },
};
