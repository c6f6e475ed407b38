import Foundation

/// The life cycle's moves that officers make by hand, and the dates they wait for. The life
/// cycle (`LeaseState.next`) says which states may follow; the dates say when: a lease expires
/// only on or after its end date (the first term's, or with the extension granted), and an
/// extended lease comes due for another assessment only while the maximum total term leaves
/// room for one and its window (`windowMonths` before the current end) is open.
extension Lease {
    /// The states an officer may move this lease to by hand on `today`, in life-cycle order.
    public func manualMoves(today: LocalDate, windowMonths: Int) -> [LeaseState] {
        let manual: [LeaseState] = [.underConstruction, .inProduction, .assessmentDue, .expired]
        return manual.filter { state.next.contains($0) && (try? checkDates(to: $0, today: today, windowMonths: windowMonths)) != nil }
    }

    /// Refuses a move by hand that the life cycle or the dates do not allow yet, naming the date.
    public func checkManualMove(to target: LeaseState, today: LocalDate, windowMonths: Int) throws(DomainError) {
        _ = try state.transition(to: target)
        try checkDates(to: target, today: today, windowMonths: windowMonths)
    }

    /// The date this lease ends with the extension granted so far (nil before the contract).
    public var currentEndDate: LocalDate? { contract?.endDate(extensionYears: extensionYears) }

    func checkDates(to target: LeaseState, today: LocalDate, windowMonths: Int) throws(DomainError) {
        switch target {
        case .expired:
            guard let end = currentEndDate, today >= end else {
                let end = currentEndDate?.iso ?? "—"
                throw DomainError(.conflict, code: "not_yet_expired", field: "state",
                                  en: "the lease runs until \(end); it expires only on or after that date",
                                  zh: "该出让年限至 \(end) 届满，届满前不能终止")
            }
        case .assessmentDue where state == .extended:
            guard let c = contract, let end = currentEndDate else { return }
            guard c.firstTermYears + extensionYears < c.maxTotalYears else {
                throw DomainError(.conflict, code: "no_further_extension", field: "state",
                                  en: "the extension reaches the maximum total term of \(c.maxTotalYears) years; no further assessment is due",
                                  zh: "续期后已达最长出让总年限 \(c.maxTotalYears) 年，不再进行评估")
            }
            let opens = end.adding(months: -windowMonths)
            guard today >= opens else {
                throw DomainError(.conflict, code: "window_not_open", field: "state",
                                  en: "the assessment window opens on \(opens), \(windowMonths) months before the term ends on \(end)",
                                  zh: "评估窗口于 \(opens) 开启（届满日 \(end) 前 \(windowMonths) 个月）")
            }
        default:
            return
        }
    }
}
