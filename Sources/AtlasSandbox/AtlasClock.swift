import Glibc
import Synchronization

/// The mock's sense of now: the system clock, or a frozen instant that tests and scenarios move by hand.
///
/// Every time the mock stamps (incident times, ids, journal entries) comes from here, so freezing it
/// makes whole runs reproducible.
public final class AtlasClock: Sendable {
    private struct State {
        var frozenAt: AtlasInstant?
        var offsetMilliseconds: Int64 = 0
    }

    private let state: Mutex<State>

    /// A clock that follows the system time, or stands still at `frozenAt` when given.
    public init(frozenAt: AtlasInstant? = nil) {
        state = Mutex(State(frozenAt: frozenAt))
    }

    /// The current instant.
    public func now() -> AtlasInstant {
        state.withLock { state in
            state.frozenAt ?? Self.systemNow().adding(milliseconds: state.offsetMilliseconds)
        }
    }

    /// Whether the clock stands still.
    public var isFrozen: Bool {
        state.withLock { $0.frozenAt != nil }
    }

    /// Stops the clock at `instant`, or at the current instant when nil.
    public func freeze(at instant: AtlasInstant? = nil) {
        state.withLock { state in
            state.frozenAt =
                instant ?? state.frozenAt ?? Self.systemNow().adding(milliseconds: state.offsetMilliseconds)
        }
    }

    /// Lets a frozen clock run again from where it stood.
    public func unfreeze() {
        state.withLock { state in
            guard let frozen = state.frozenAt else { return }
            state.offsetMilliseconds = frozen.millisecondsSinceEpoch - Self.systemNow().millisecondsSinceEpoch
            state.frozenAt = nil
        }
    }

    /// Jumps to `instant`; a running clock keeps running from there.
    public func set(to instant: AtlasInstant) {
        state.withLock { state in
            if state.frozenAt != nil {
                state.frozenAt = instant
            } else {
                state.offsetMilliseconds =
                    instant.millisecondsSinceEpoch - Self.systemNow().millisecondsSinceEpoch
            }
        }
    }

    /// Moves the clock forward by `milliseconds` (backward when negative).
    public func advance(by milliseconds: Int64) {
        state.withLock { state in
            if let frozen = state.frozenAt {
                state.frozenAt = frozen.adding(milliseconds: milliseconds)
            } else {
                state.offsetMilliseconds &+= milliseconds
            }
        }
    }

    /// The system's wall-clock time.
    public static func systemNow() -> AtlasInstant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return AtlasInstant(
            millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }
}
