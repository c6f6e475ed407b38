import ParkDomain
import ParkStore
import Vapor

/// Every six hours (first after five minutes): make sure last year's annual information reports
/// exist for every foreign-invested enterprise (`InfoReportService.generateAnnual`, which adds
/// only what is missing, in pages), so a firm registered since the last run gets its obligation
/// without anyone pressing a button. What exists lives in the database (unique per enterprise
/// and year): two instances racing on one page make one of them fail that page, logged, and the
/// next tick finds nothing missing.
enum InfoReportTicker {
    static let job = PeriodicJob("information report generation", initialDelay: .minutes(5), every: .hours(6)) { app in
        let clock = app.parkServices.options.clock
        let year = LocalDate(clock.now()).year - 1
        let added = try await InfoReportService(db: app.db, clock: clock).generateAnnual(year: year, by: .system("info-report-ticker"))
        if added > 0 { app.logger.info("information reports: added \(added) annual reports for \(year)") }
    }
}
