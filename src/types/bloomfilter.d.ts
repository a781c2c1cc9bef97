// Types for bloomfilter 1.x (Jason Davies, BSD-3-Clause), which ships none; the part this project uses.
declare module 'bloomfilter' {
  export class BloomFilter {
    /** `bits`: the filter's size in bits (rounded up to a multiple of 32); `hashes`: probes per item. */
    constructor(bits: number, hashes: number);
    add(value: string): void;
    /** False: certainly not added. True: probably added. */
    test(value: string): boolean;
  }
}
