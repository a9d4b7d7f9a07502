package dev.replab.engine.leaderless;

import java.nio.charset.StandardCharsets;

/**
 * The one hash that places keys and virtual nodes on the ring and keys in Merkle tree leaves.
 *
 * <p>It is FNV-1a 64 over the UTF-8 bytes of the text, followed by the 64-bit finaliser of
 * MurmurHash3 ({@code fmix64}). FNV-1a alone leaves similar short strings such as {@code n1#0} and
 * {@code n1#1} close together in the high bits; the finaliser spreads every input bit over every
 * output bit. Nothing is seeded and nothing depends on the JVM ({@link String#hashCode} is not
 * used), so the ring is the same in every run, on every machine, in every version that keeps this
 * class unchanged.
 */
final class TokenHash {
  static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;

  private TokenHash() {}

  /** The position of {@code text} in the 64-bit hash space. */
  static long of(String text) {
    return fmix64(fnv1a64(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** FNV-1a, 64-bit: for each byte, xor it in, then multiply by the FNV prime. */
  static long fnv1a64(byte[] bytes) {
    long hash = FNV_OFFSET_BASIS;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return hash;
  }

  /** MurmurHash3's finaliser: every input bit affects every output bit. */
  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Folds one 64-bit word into a running hash, order-sensitively, FNV style then finalised. */
  static long combine(long hash, long word) {
    return fmix64((hash ^ word) * FNV_PRIME);
  }

  /** The fraction of the whole 64-bit space that {@code span} positions make up. */
  static double fractionOfSpace(long span) {
    double unsigned = (span >>> 1) * 2.0 + (span & 1);
    return Math.scalb(unsigned, -64);
  }
}
