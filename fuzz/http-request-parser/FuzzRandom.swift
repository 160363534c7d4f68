/// A small deterministic generator (SplitMix64) seeded from the input bytes, so every choice the
/// target makes (read boundaries, prefix lengths) is a function of the input and a saved crash
/// reproduces exactly.
struct FuzzRandom {
    private var state: UInt64

    /// Seeds with the FNV-1a hash of `bytes`.
    init(seed bytes: [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return mixed ^ (mixed >> 31)
    }

    /// A value in `0..<bound`, or 0 when `bound` is 0.
    mutating func next(below bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }
}
