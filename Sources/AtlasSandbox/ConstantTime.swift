/// Comparisons whose running time does not depend on where two secrets first differ.
public enum ConstantTime {
    /// Whether `candidate` equals `secret`, examining every byte of `candidate` whatever it holds.
    ///
    /// An early-exit comparison would let a caller recover a secret one byte at a time by timing;
    /// here differences are OR-ed together and the verdict is read once at the end. Only the
    /// candidate's length (which the caller knows anyway) shapes the loop.
    public static func equals(_ candidate: String, _ secret: String) -> Bool {
        let candidateBytes = Array(candidate.utf8)
        let secretBytes = Array(secret.utf8)
        guard !secretBytes.isEmpty else { return candidateBytes.isEmpty }
        var difference: UInt = candidateBytes.count == secretBytes.count ? 0 : 1
        for index in candidateBytes.indices {
            difference |= UInt(candidateBytes[index] ^ secretBytes[index % secretBytes.count])
        }
        return difference == 0
    }
}
