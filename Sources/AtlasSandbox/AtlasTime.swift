/// A UTC instant with millisecond precision, the unit Atlas's ids and clocks work in.
public struct AtlasInstant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Int64

    /// The instant `millisecondsSinceEpoch` after the Unix epoch.
    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Orders instants by time.
    public static func < (lhs: AtlasInstant, rhs: AtlasInstant) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// This instant moved by `milliseconds` (negative moves back).
    public func adding(milliseconds: Int64) -> AtlasInstant {
        AtlasInstant(millisecondsSinceEpoch: millisecondsSinceEpoch &+ milliseconds)
    }

    /// The instant in Atlas's server time, `yyyy-MM-dd HH:mm:ss.SSS +08:00`.
    public var description: String {
        AtlasTime.format(self) + "." + AtlasTime.pad(Int(millisecondsSinceEpoch.modulo(1000)), 3) + " +08:00"
    }
}

/// A naive civil date and time with no zone, as airports print departures (`depTime` is local).
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01 00:00:00 of the same naive calendar.
    public var secondsSinceEpochNaive: Int64

    /// The naive time `secondsSinceEpochNaive` after 1970-01-01 00:00:00.
    public init(secondsSinceEpochNaive: Int64) {
        self.secondsSinceEpochNaive = secondsSinceEpochNaive
    }

    /// Orders times on the naive calendar.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.secondsSinceEpochNaive < rhs.secondsSinceEpochNaive
    }

    /// `yyyy-MM-dd HH:mm:ss`.
    public var text: String { AtlasTime.formatNaive(secondsSinceEpochNaive) }

    /// The same as `text`.
    public var description: String { text }

    /// This time moved by `seconds`.
    public func adding(seconds: Int64) -> LocalDateTime {
        LocalDateTime(secondsSinceEpochNaive: secondsSinceEpochNaive &+ seconds)
    }
}

/// Formatting and strict parsing of the time formats Atlas uses, without Foundation's formatters.
///
/// Atlas's server runs on UTC+08:00 (Asia/Shanghai, no daylight saving), so a fixed offset is exact.
public enum AtlasTime {
    /// Atlas's server offset from UTC, in hours.
    public static let serverOffsetHours = 8

    /// `yyyy-MM-dd HH:mm:ss` of `instant` at the given offset (default Atlas server time).
    public static func format(_ instant: AtlasInstant, utcOffsetHours: Int = serverOffsetHours) -> String {
        formatNaive(localSeconds(instant, utcOffsetHours))
    }

    /// `yyyyMMddHHmmssSSS` of `instant`, the prefix of Atlas event ids and order numbers.
    public static func formatCompact(_ instant: AtlasInstant, utcOffsetHours: Int = serverOffsetHours)
        -> String
    {
        let (date, time) = civil(localSeconds(instant, utcOffsetHours))
        let millis = Int(instant.millisecondsSinceEpoch.modulo(1000))
        return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) + pad(time.hour, 2)
            + pad(time.minute, 2)
            + pad(time.second, 2) + pad(millis, 3)
    }

    /// `Apr 1, 2023 12:36:44 AM`, the format of the official getPageList sample.
    public static func formatSample(_ instant: AtlasInstant, utcOffsetHours: Int = serverOffsetHours)
        -> String
    {
        formatSampleNaive(localSeconds(instant, utcOffsetHours))
    }

    /// `Apr 1, 2023 12:36:44 AM` of a naive local time.
    public static func formatSampleNaive(_ seconds: Int64) -> String {
        let (date, time) = civil(seconds)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
        return
            "\(months[date.month - 1]) \(date.day), \(date.year) \(hour12):\(pad(time.minute, 2)):\(pad(time.second, 2)) "
            + (time.hour < 12 ? "AM" : "PM")
    }

    /// The instant that `text` (`yyyy-MM-dd HH:mm:ss`) names at the given offset; nil when malformed
    /// or when the date does not exist (2023-02-30).
    public static func parse(_ text: String, utcOffsetHours: Int = serverOffsetHours) -> AtlasInstant? {
        guard let naive = parseNaive(text) else { return nil }
        return AtlasInstant(millisecondsSinceEpoch: (naive - Int64(utcOffsetHours) * 3600) * 1000)
    }

    /// The airport-local time that `text` (`yyyy-MM-dd HH:mm:ss`) names; nil when malformed or impossible.
    public static func parseLocal(_ text: String) -> LocalDateTime? {
        parseNaive(text).map(LocalDateTime.init(secondsSinceEpochNaive:))
    }

    /// `yyyy-MM-dd HH:mm:ss` of naive seconds since 1970-01-01 00:00:00.
    public static func formatNaive(_ seconds: Int64) -> String {
        let (date, time) = civil(seconds)
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2) + " " + pad(time.hour, 2)
            + ":"
            + pad(time.minute, 2) + ":" + pad(time.second, 2)
    }

    /// Naive seconds for a calendar date and time of day, or nil if the date does not exist.
    public static func naiveSeconds(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0
    )
        -> Int64?
    {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour),
            (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        return daysFromCivil(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
    }

    static func parseNaive(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x20, bytes[13] == 0x3A,
            bytes[16] == 0x3A
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19), year >= 1
        else { return nil }
        return naiveSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func localSeconds(_ instant: AtlasInstant, _ offsetHours: Int) -> Int64 {
        instant.millisecondsSinceEpoch.floorDivided(by: 1000) + Int64(offsetHours) * 3600
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (the era-based method: 400-year cycles).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(_ seconds: Int64) -> (
        date: (year: Int, month: Int, day: Int), time: (hour: Int, minute: Int, second: Int)
    ) {
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return ((year, month, day), (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60))
    }
}

extension Int64 {
    /// Division rounding towards negative infinity, so times before 1970 format correctly.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The non-negative remainder that goes with `floorDivided(by:)`.
    func modulo(_ divisor: Int64) -> Int64 {
        self - floorDivided(by: divisor) * divisor
    }
}
