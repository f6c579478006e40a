import type { Knex } from 'knex';
import { InventoryStore } from './InventoryStore';

const assignment = {
  serviceArn: 'arn:aws:ecs:us-east-1:111111111111:service/c/s',
  owner: 'group:default/team',
  ownerSource: 'catalog' as const,
  entityRef: 'component:default/s',
};

function dbFailing(...codes: string[]) {
  const transaction = jest.fn(async (work: (tx: unknown) => unknown) => {
    const code = codes.shift();
    if (code) throw Object.assign(new Error(`failed ${code}`), { code });
    const tx = () => ({ where: () => ({ update: async () => 1 }) });
    return work(tx);
  });
  return { db: { transaction } as unknown as Knex, transaction };
}

describe('InventoryStore transactions', () => {
  it('runs a transaction again when PostgreSQL chose it as a deadlock victim', async () => {
    const { db, transaction } = dbFailing('40P01', '40001');
    await new InventoryStore(db).assignOwners([assignment]);
    expect(transaction).toHaveBeenCalledTimes(3);
  });

  it('gives up after four deadlocks and does not retry other errors', async () => {
    const deadlocked = dbFailing('40P01', '40P01', '40P01', '40P01', '40P01');
    await expect(
      new InventoryStore(deadlocked.db).assignOwners([assignment]),
    ).rejects.toThrow('failed 40P01');
    expect(deadlocked.transaction).toHaveBeenCalledTimes(4);

    const broken = dbFailing('23505');
    await expect(
      new InventoryStore(broken.db).assignOwners([assignment]),
    ).rejects.toThrow('failed 23505');
    expect(broken.transaction).toHaveBeenCalledTimes(1);
  });
});
