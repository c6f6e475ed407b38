import Foundation
import ParkDomain
import Vapor

/// Registers the enterprise-service console (and, beside it, the Open311 endpoints).
enum ServiceRoutes {
    static func register(_ router: ConsoleRouter) {
        router.page(.service(.queue)) { ctx, req in
            ServiceQueuePage.View.render(try await ServiceQueuePage.Model.load(try req.pageQuery(ServiceQueuePage.Query.self), on: ctx), ctx)
        }
        router.page(.service(.board)) { ctx, _ in ServiceBoardPage.View.render(try await ServiceBoardPage.Model.load(on: ctx), ctx) }
        router.page(.service(.stats)) { ctx, req in
            ServiceStatsPage.View.render(try await ServiceStatsPage.Model.load(try req.pageQuery(ServiceStatsPage.Query.self), on: ctx), ctx)
        }
        router.page(.service(.request(.key))) { ctx, req in
            ServiceRequestPage.View.render(try await ServiceRequestPage.Model.load(try req.pathID(), on: ctx), ctx)
        }
        router.on(.service(.act(.key))) { req in try await ServiceRequestActions.act(req) }
        router.on(.service(.attach(.key)), body: .collect(maxSize: ByteCount(value: BodyLimits.attachment))) { req in
            try await ServiceRequestActions.attach(req)
        }
        router.on(.service(.file(.key, .key))) { req in try await ServiceRequestActions.file(req) }
        router.page(.service(.mine)) { ctx, req in
            ServiceMinePage.View.render(try await ServiceMinePage.Model.load(page: req.query[Int.self, at: "page"], on: ctx), ctx)
        }
        router.page(.service(.newRequest)) { ctx, req in
            ServiceNewPage.View.render(try await ServiceNewPage.Model.load(try req.pageQuery(ServiceNewPage.Form.self), on: ctx), ctx)
        }
        router.on(.service(.create)) { req in try await ServiceNewPage.create(req) }
        router.page(.service(.inbox)) { ctx, req in
            ServiceInboxPage.View.render(try await ServiceInboxPage.Model.load(page: req.query[Int.self, at: "page"], on: ctx), ctx)
        }
        router.on(.service(.inboxRead)) { req in try await ServiceInboxPage.markRead(req) }
        router.on(.service(.badge)) { req in try await ServiceInboxPage.badge(req) }
    }
}
