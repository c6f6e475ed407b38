import Foundation

/// The registry of profile sections, in page order. A module adds its section here, on one line
/// under its slot; nothing else changes (page, print view, JSON, API and CLI pick it up).
public enum ProfileSections {
    public static var all: [any ProfileSection] {
        [
            RegisterProfileSection(),
            LandProfileSection(),
            ReportsProfileSection(),
            PerMuProfileSection(),
            PoliciesProfileSection(),
            GrantsProfileSection(),
            // ── slot: Investment (issue 11) profile section ──
            InvestmentProfileSection(),
            InfoReportProfileSection(),

            // ── slot: Service (issue 12) profile section ──
            ServiceProfileSection(),

            // ── slot: Outbound (issue 14) profile section ──
            OutboundProfileSection(),

            // ── end of slots ──
        ]
    }
}
