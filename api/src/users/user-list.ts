import { ChangeFeed } from '../projections/change-feed.js';
import { documentRows, processProjection, Projection, type ProjectionDefinition, type ProjectionOptions } from '../projections/projection.js';
import { UserModel } from './user.model.js';

/**
 * The accounts page as a projection (docs/decisions/0012): with an account per cadre there may
 * be as many accounts as cadres, and a filtered, counted page straight from the embedded
 * database would scan them all. It holds what the list filters and sorts by; a page's accounts
 * are then read by `_id`, so their state (locked, last sign-in) is always current.
 */
export const userFeed = new ChangeFeed('users');

/** Call after creating an account or changing its username or display name. */
export function noteUsersChanged(ids: readonly string[]): Promise<void> {
  return userFeed.noteChanged(ids);
}

/** Call after removing many accounts at once (the demo accounts). */
export function noteAllUsersChanged(): Promise<void> {
  return userFeed.noteAll();
}

interface UserRow {
  id: string;
  username: string;
  displayName: string;
}

export class UserList {
  private readonly rows = new Map<string, UserRow>();
  private order: UserRow[] | null = null;

  get size(): number {
    return this.rows.size;
  }

  set(row: UserRow): void {
    this.rows.set(row.id, row);
    this.order = null;
  }

  delete(id: string): void {
    this.rows.delete(id);
    this.order = null;
  }

  /** One page of account ids by username, and the count, for a username or display-name prefix. */
  page(q: string | undefined, page: number, size: number): { ids: string[]; total: number } {
    this.order ??= [...this.rows.values()].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
    const username = q?.toLowerCase();
    const matching = q ? this.order.filter((row) => row.username.startsWith(username!) || row.displayName.startsWith(q)) : this.order;
    return { ids: matching.slice(page * size, (page + 1) * size).map((row) => row.id), total: matching.length };
  }
}

interface RowSource {
  _id: unknown;
  username: string;
  displayName: string;
}

const toRow = (doc: RowSource): UserRow => ({ id: String(doc._id), username: doc.username, displayName: doc.displayName });

const definition: ProjectionDefinition<UserList> = {
  name: 'users',
  source: userFeed,
  messages: { loading: '用户列表正在加载，请稍后再试', updating: '用户列表正在更新，请稍后再试' },
  ...documentRows<RowSource, UserRow, UserList>({ model: UserModel as never, fields: 'username displayName', toRow, create: () => new UserList() }),
};

export function createUserList(options: ProjectionOptions): Projection<UserList> {
  return new Projection(definition, options);
}

const processList = processProjection(createUserList);
/** Makes `projection` the one this process answers account lists from. */
export const useUserList = processList.use;
/** The process's account list. */
export const userList = processList.get;
