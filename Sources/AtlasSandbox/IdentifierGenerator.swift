import Synchronization

/// Makes every identifier the mock invents, in Atlas's formats (reference §6), from one seeded stream.
///
/// All randomness is drawn under one lock from one generator, so a given `--seed` and the same
/// sequence of calls give the same ids, byte for byte.
public final class IdentifierGenerator: Sendable {
    /// Uppercase letters, the alphabet of id suffixes.
    public static let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    /// Letters and digits, the alphabet of PNRs.
    public static let alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

    private struct State {
        var seed: UInt64
        var random: SeededRandom
        var voidSequence = 0
    }

    private let state: Mutex<State>

    /// A generator fixed by `seed`, or by a random seed when nil.
    public init(seed: UInt64?) {
        let chosen = seed ?? UInt64.random(in: 0...UInt64.max)
        state = Mutex(State(seed: chosen, random: SeededRandom(seed: chosen)))
    }

    /// The seed in use, printed so a failing run can be replayed.
    public var seed: UInt64 {
        state.withLock { $0.seed }
    }

    /// Starts the whole stream again from `seed`, as a fresh generator would.
    public func reseed(_ seed: UInt64) {
        state.withLock { $0 = State(seed: seed, random: SeededRandom(seed: seed)) }
    }

    /// Draws values from the shared stream under its lock.
    public func next<T>(_ body: (inout SeededRandom) -> T) -> T {
        state.withLock { body(&$0.random) }
    }

    /// An incident or notification id: `yyyyMMddHHmmssSSS` (UTC+8) and five uppercase letters.
    public func eventId(at instant: AtlasInstant) -> String {
        AtlasTime.formatCompact(instant) + next { $0.string(of: 5, from: Self.letters) }
    }

    /// An order number: five uppercase letters (starting with `prefix`) and `yyyyMMddHHmmssSSS`.
    public func orderNo(prefix: String = "TEST", at instant: AtlasInstant) -> String {
        let head = String(prefix.uppercased().prefix(5))
        let fill = next { $0.string(of: 5 - head.count, from: Self.letters) }
        return head + fill + AtlasTime.formatCompact(instant)
    }

    /// A six-character airline record locator.
    public func pnr() -> String {
        next { $0.string(of: 6, from: Self.alphanumerics) }
    }

    /// A void case number, `YYYYMM-NNNN`, numbered in order from 0001 within a generator.
    public func voidCode(at instant: AtlasInstant) -> String {
        let number = state.withLock { state -> Int in
            state.voidSequence = state.voidSequence % 9999 + 1
            return state.voidSequence
        }
        return String(AtlasTime.formatCompact(instant).prefix(6)) + "-" + AtlasTime.pad(number, 4)
    }

    /// A thirteen-digit ticket number as airlines issue them (three-digit airline prefix first).
    public func ticketNumber(airlinePrefix: String) -> String {
        airlinePrefix + next { $0.string(of: 10, from: "0123456789") }
    }
}
