import {
  FARGATE_SIZES,
  isValidFargateSize,
  smallestFargateSize,
} from './fargate';

describe('Fargate sizes', () => {
  it('matches the ECS table', () => {
    expect(
      FARGATE_SIZES.map(s => [
        s.cpu,
        s.memory[0],
        s.memory[s.memory.length - 1],
        s.memory.length,
      ]),
    ).toEqual([
      [256, 512, 2048, 3],
      [512, 1024, 4096, 4],
      [1024, 2048, 8192, 7],
      [2048, 4096, 16384, 13],
      [4096, 8192, 30720, 23],
      [8192, 16384, 61440, 12],
      [16384, 32768, 122880, 12],
    ]);
  });

  it('validates pairs', () => {
    expect(isValidFargateSize(256, 1024)).toBe(true);
    expect(isValidFargateSize(256, 1536)).toBe(false);
    expect(isValidFargateSize(8192, 20480)).toBe(true);
    expect(isValidFargateSize(8192, 17408)).toBe(false);
    expect(isValidFargateSize(128, 512)).toBe(false);
  });

  it('finds the smallest pair for a memory and cpu floor', () => {
    expect(smallestFargateSize(100)).toEqual({ cpu: 256, memory: 512 });
    expect(smallestFargateSize(2049)).toEqual({ cpu: 512, memory: 3072 });
    expect(smallestFargateSize(1000, 1024)).toEqual({
      cpu: 1024,
      memory: 2048,
    });
    expect(smallestFargateSize(31000)).toEqual({ cpu: 8192, memory: 32768 });
    expect(smallestFargateSize(200000)).toBeUndefined();
  });
});
