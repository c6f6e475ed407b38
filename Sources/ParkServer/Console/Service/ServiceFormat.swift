import Foundation
import ParkDomain
import ParkStore

/// Small shared pieces of the service pages: names of departments and categories, state badges,
/// the countdown.
struct ServiceNames: Sendable {
    var departments: [String: Bilingual]
    var categories: [String: ServiceCategory]

    static func load(_ ctx: PageContext) async throws -> ServiceNames {
        let deps = try await ctx.park.reference.departments()
        let cats = try await ServiceRepository(db: ctx.db, clock: ctx.park.clock).categories()
        return ServiceNames(departments: Dictionary(uniqueKeysWithValues: deps.map { ($0.code, $0.name) }),
                            categories: Dictionary(uniqueKeysWithValues: cats.map { ($0.code, $0) }))
    }

    func department(_ code: String, _ lang: Language) -> String { departments[code]?.text(lang) ?? code }
    func category(_ code: String, _ lang: Language) -> String { categories[code]?.name.text(lang) ?? code }
}

enum ServiceFormat {
    static func stateBadge(_ s: RequestState, _ lang: Language) -> HTML {
        let kind: String = switch s {
        case .closed: "rd"
        case .awaitingEnterprise, .replied: "hq"
        case .submitted: "f500"
        default: ""
        }
        return Markup.badge(s.label.text(lang), kind: kind)
    }

    static func clockBadge(_ s: ClockState, _ lang: Language) -> HTML {
        let kind: String = switch s {
        case .overdue, .escalated, .missed: "off"
        case .warning: "f500"
        case .met: "rd"
        case .paused: "hq"
        case .running: ""
        }
        return Markup.badge(s.label.text(lang), kind: kind)
    }

    /// "3 working days left (by 2026-03-11)" or "2 working days over", counted on the calendar.
    static func countdown(due: LocalDate?, today: LocalDate, index: WorkingDayIndex, paused: Bool, _ lang: Language) -> HTML {
        if paused { return "<p class=\"countdown paused\">\(ServiceText.paused(lang))</p>" }
        guard let due else { return "<p class=\"countdown\">\(ServiceText.noDeadline(lang))</p>" }
        if today <= due {
            let n = index.workingDays(after: today, through: due)
            return "<p class=\"countdown\">\(ServiceText.daysLeft(lang, ["n": String(n), "date": due.iso]))</p>"
        }
        let n = index.workingDays(after: due, through: today)
        return "<p class=\"countdown over\">\(ServiceText.daysOver(lang, ["n": String(n), "date": due.iso]))</p>"
    }

    static func dueCell(_ due: LocalDate?, today: LocalDate) -> HTML {
        guard let due else { return "<td>–</td>" }
        return due < today ? "<td class=\"over nowrap\">\(due.iso)</td>" : "<td class=\"nowrap\">\(due.iso)</td>"
    }
}
