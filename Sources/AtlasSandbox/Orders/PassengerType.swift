/// The passenger categories Atlas numbers as `passengerType` (reference §5.2).
public enum PassengerType: Int, Sendable, Hashable, CaseIterable {
    /// `0`.
    case adult = 0
    /// `1`.
    case child = 1
    /// `2`.
    case infant = 2

    /// The word fixtures use: `adult`, `child`, `infant`.
    public var name: String {
        switch self {
        case .adult: "adult"
        case .child: "child"
        case .infant: "infant"
        }
    }

    /// The type a fixture word names, or nil.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
