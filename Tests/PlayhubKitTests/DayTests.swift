import Foundation
import Testing
@testable import PlayhubKit

/// Calendar dates as authors write them: exactly `YYYY-MM-DD`, no time zone.
@Suite struct DayTests {
    @Test func parsesExactlyYearMonthDay() throws {
        let day = try #require(Day("2024-03-05"))
        #expect(day.year == 2024)
        #expect(day.month == 3)
        #expect(day.day == 5)
    }

    @Test func leapYears() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2000-02-29") != nil) // divisible by 400
        #expect(Day("2023-02-29") == nil)
        #expect(Day("1900-02-29") == nil) // divisible by 100, not 400
        #expect(Day("2023-02-28") != nil)
    }

    @Test(arguments: ["2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2024-04-31", "2024-06-31",
                      "2024-09-31", "2024-11-31", "0000-01-01"])
    func invalidMonthOrDay(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test(arguments: ["2024-3-5", "2024-03-5", "24-03-05", "2024/03/05", "2024-03-05T10:00", " 2024-03-05",
                      "2024-03-05 ", "2024-03", "2024--03-05", "+024-03-05", "2024-0x-05", "٢٠٢٤-٠٣-٠٥", "", "March 5, 2024"])
    func wrongFormats(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func componentsAreValidatedToo() {
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 10000, month: 1, day: 1) == nil)
    }

    @Test func ordersByYearThenMonthThenDay() throws {
        let days = try ["2024-03-05", "2023-12-31", "2024-03-04", "2024-02-28", "2024-10-01"].map { try #require(Day($0)) }
        #expect(days.sorted().map(\.description) == ["2023-12-31", "2024-02-28", "2024-03-04", "2024-03-05", "2024-10-01"])
        #expect(Day("2024-01-10")! < Day("2024-10-01")!)
        #expect(!(Day("2024-10-01")! < Day("2024-10-01")!))
        #expect(Day("2024-03-05") == Day(year: 2024, month: 3, day: 5))
    }

    @Test func descriptionIsTheW3CDate() {
        #expect(Day(year: 2024, month: 3, day: 5)?.description == "2024-03-05")
        #expect(Day(year: 987, month: 12, day: 31)?.description == "0987-12-31")
        #expect(Day("2024-11-30")?.description == "2024-11-30")
    }

    @Test func longFormIsForPeople() {
        #expect(Day("2024-03-05")?.longForm == "March 5, 2024")
        #expect(Day("2024-01-10")?.longForm == "January 10, 2024")
        #expect(Day("1999-12-31")?.longForm == "December 31, 1999")
    }

    @Test func anInstantIsItsUTCDay() {
        #expect(Day(Date(timeIntervalSince1970: 0)).description == "1970-01-01")
        #expect(Day(Date(timeIntervalSince1970: 86_399)).description == "1970-01-01")
        #expect(Day(Date(timeIntervalSince1970: 86_400)).description == "1970-01-02")
        #expect(Day(Date(timeIntervalSince1970: 951_782_400)).description == "2000-02-29")
    }
}
