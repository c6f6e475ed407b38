import Foundation
import ParkDomain
import ParkStore
import Vapor

/// Registers the outbound console pages.
enum OutboundRoutes {
    static func register(_ router: ConsoleRouter) {
        router.page(.outbound(.board)) { ctx, _ in OutboundBoardPage.View.render(try await OutboundBoardPage.Model.load(on: ctx), ctx) }
        router.page(.outbound(.projects)) { ctx, req in
            OutboundProjectListPage.View.render(try await OutboundProjectListPage.Model.load(req.queryParameters, on: ctx), ctx)
        }
        router.page(.outbound(.newProject)) { ctx, _ in try await OutboundProjectForm.render(ctx, .init(), error: nil) }
        router.on(.outbound(.createProject)) { req in try await OutboundProjectForm.create(req) }
        router.page(.outbound(.project(.key))) { ctx, req in
            OutboundProjectPage.View.render(try await OutboundProjectPage.Model.load(try req.pathID(), on: ctx), ctx)
        }
        router.on(.outbound(.moveProject(.key))) { req in try await OutboundProjectPage.move(req) }
        router.on(.outbound(.moveFiling(.key))) { req in try await OutboundProjectPage.moveFiling(req) }
        router.on(.outbound(.lapse)) { req in
            _ = try await OutboundService(db: req.db, clock: req.park.clock).lapseOverdue(by: try PageContext(req).user())
            return req.redirect(to: .outbound(.board))
        }
        router.page(.outbound(.world)) { ctx, _ in OutboundWorldPage.View.render(try await OutboundWorldPage.Model.load(on: ctx), ctx) }
        router.page(.outbound(.country(.key))) { ctx, req in
            OutboundCountryPage.View.render(try await OutboundCountryPage.Model.load(req.parameters.get("country") ?? "", on: ctx), ctx)
        }
        router.on(.outbound(.gradeCountry(.key))) { req in try await OutboundCountryPage.grade(req) }
        router.on(.outbound(.noteCountry(.key))) { req in try await OutboundCountryPage.note(req) }
        router.page(.outbound(.alerts)) { ctx, req in OutboundAlertsPage.View.render(try await OutboundAlertsPage.Model.load(req.queryParameters, on: ctx), ctx) }
        router.on(.outbound(.publishAlert)) { req in try await OutboundAlertsPage.publish(req) }
        router.page(.outbound(.alert(.key))) { ctx, req in
            OutboundAlertPage.View.render(try await OutboundAlertPage.Model.load(try req.pathID(), req.queryParameters, on: ctx), ctx)
        }
        router.on(.outbound(.readAlert(.key))) { req in try await OutboundAlertsPage.read(req) }
        router.page(.outbound(.stats)) { ctx, req in OutboundStatsPage.View.render(try await OutboundStatsPage.Model.load(req.queryParameters, on: ctx), ctx) }
        router.on(.outbound(.statsCSV)) { req in try await OutboundStatsPage.csv(req) }
        router.page(.outbound(.services)) { ctx, req in OutboundServicesPage.View.render(try await OutboundServicesPage.Model.load(req.queryParameters, on: ctx), ctx) }
        router.on(.outbound(.logService)) { req in try await OutboundServicesPage.log(req) }
        router.page(.outbound(.mine)) { ctx, _ in OutboundPortalPage.View.render(try await OutboundPortalPage.Model.load(on: ctx), ctx) }
    }
}
