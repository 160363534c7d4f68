import AtlasSandbox
import Testing

@Suite struct AtlasTimeTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01 08:00:00", "19700101080000000"),
        (1_680_280_604_225, "2023-04-01 00:36:44", "20230401003644225"),
        (-1, "1970-01-01 07:59:59", "19700101075959999"),
        (951_782_400_000, "2000-02-29 08:00:00", "20000229080000000"),
    ])
    func format_rendersServerTime(millis: Int64, text: String, compact: String) {
        let instant = AtlasInstant(millisecondsSinceEpoch: millis)
        #expect(AtlasTime.format(instant) == text)
        #expect(AtlasTime.formatCompact(instant) == compact)
    }

    @Test func parse_isTheInverseOfFormatToTheSecond() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let millis = Int64.random(in: 0...4_102_444_800_000, using: &random) / 1000 * 1000
            let instant = AtlasInstant(millisecondsSinceEpoch: millis)
            #expect(AtlasTime.parse(AtlasTime.format(instant)) == instant)
        }
    }

    @Test(arguments: [
        "2023-02-29 00:00:00", "2023-13-01 00:00:00", "2023-04-31 00:00:00", "2023-04-01 24:00:00",
        "2023-04-01 00:60:00", "2023-4-01 00:00:00", "2023-04-01T00:00:00", "2023-04-01 00:00", "",
        "2023-04-01 00:00:00 ", "+023-04-01 00:00:00", "0000-01-01 00:00:00",
    ])
    func parse_rejectsMalformedOrImpossibleTimes(text: String) {
        #expect(AtlasTime.parse(text) == nil)
        #expect(AtlasTime.parseLocal(text) == nil)
    }

    @Test func formatSample_matchesTheOfficialSample() {
        let instant = AtlasTime.parse("2023-04-01 00:36:44")!
        #expect(AtlasTime.formatSample(instant) == "Apr 1, 2023 12:36:44 AM")
        #expect(AtlasTime.formatSample(AtlasTime.parse("2023-03-31 23:12:00")!) == "Mar 31, 2023 11:12:00 PM")
    }

    @Test func clock_freezesAdvancesAndSets() {
        let start = AtlasTime.parse("2026-01-01 00:00:00")!
        let clock = AtlasClock(frozenAt: start)
        #expect(clock.now() == start)
        clock.advance(by: 1500)
        #expect(clock.now() == start.adding(milliseconds: 1500))
        clock.set(to: start)
        #expect(clock.now() == start)
        clock.unfreeze()
        #expect(!clock.isFrozen)
        #expect(clock.now() >= start)
    }

    @Test func identifiers_areReproducibleForASeedAndInAtlasFormats() {
        let instant = AtlasTime.parse("2023-09-17 14:32:40")!.adding(milliseconds: 511)
        let first = IdentifierGenerator(seed: 42)
        let second = IdentifierGenerator(seed: 42)
        let ids = (0..<5).map { _ in first.eventId(at: instant) + first.pnr() + first.orderNo(at: instant) }
        #expect(
            ids
                == (0..<5).map { _ in second.eventId(at: instant) + second.pnr() + second.orderNo(at: instant)
                })
        let eventId = IdentifierGenerator(seed: 1).eventId(at: instant)
        #expect(eventId.hasPrefix("20230917143240511") && eventId.count == 22)
        #expect(eventId.suffix(5).allSatisfy { $0.isUppercase })
        let orderNo = IdentifierGenerator(seed: 1).orderNo(prefix: "TEST", at: instant)
        #expect(orderNo.hasPrefix("TEST") && orderNo.hasSuffix("20230917143240511") && orderNo.count == 22)
        #expect(IdentifierGenerator(seed: 1).voidCode(at: instant) == "202309-0001")
    }
}
