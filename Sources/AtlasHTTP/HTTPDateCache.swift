import Glibc
import Synchronization

/// The IMF-fixdate for the current second (`Sun, 06 Nov 1994 08:49:37 GMT`), formatted once per second
/// rather than once per response.
final class HTTPDateCache: Sendable {
    private let cache = Mutex<(second: Int, bytes: [UInt8])>((-1, []))

    /// The formatted date for now.
    var current: [UInt8] {
        let now = time(nil)
        return cache.withLock { cache in
            if cache.second != now {
                cache = (now, Self.format(now))
            }
            return cache.bytes
        }
    }

    /// Formats by hand: strftime would depend on the process locale.
    static func format(_ seconds: Int) -> [UInt8] {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let text =
            "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
        return Array(text.utf8)
    }
}
