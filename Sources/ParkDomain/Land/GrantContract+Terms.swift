import Foundation

/// Term arithmetic and checks for the Land Grant Contract of a flexible-term ("10+N") lease.
extension GrantContract {
    /// The date the first term ends: `startDate` plus `firstTermYears` years (29 February
    /// becomes 28 February in a common year).
    public var firstTermEnd: LocalDate { startDate.adding(years: firstTermYears) }

    /// The date the lease ends if `extensionYears` (N) are granted after the first term:
    /// `startDate` plus `firstTermYears + extensionYears` years.
    public func endDate(extensionYears: Int) -> LocalDate {
        let (years, overflow) = firstTermYears.addingReportingOverflow(extensionYears)
        return startDate.adding(years: overflow ? (extensionYears > 0 ? Int.max : Int.min) : years)
    }

    /// The date the assessment window opens: `months` months before `firstTermEnd` (the day
    /// clamped to the end of a shorter month).
    public func assessmentWindowOpens(months: Int) -> LocalDate {
        firstTermEnd.adding(months: -months)
    }

    /// Throws the first fault, in this order: price above 0 (`contract_price`, field
    /// `price_yuan`); maximum total term from 1 year to the land use's statutory maximum
    /// (`contract_max_term`, field `max_total_years`, naming both); first term from 1 year to the
    /// maximum total (`contract_first_term`, field `first_term_years`); start not before signing
    /// (`contract_start_before_signing`, field `start_date`); and, when the auction is given,
    /// signed on or after the confirmation of the deal (`contract_before_confirmation`, or
    /// `contract_unconfirmed` when the deal was never confirmed; field `signed_on`).
    public func validate(landUse: LandUseClass, auction: AuctionRecord?) throws(DomainError) {
        guard priceYuan > 0 else {
            throw DomainError(code: "contract_price", field: "price_yuan",
                              en: "the grant price must be above 0 yuan (found \(priceYuan))",
                              zh: "出让价款须大于 0 元（当前为 \(priceYuan)）")
        }
        guard maxTotalYears >= 1, maxTotalYears <= landUse.statutoryMaxYears else {
            throw DomainError(code: "contract_max_term", field: "max_total_years",
                              en: "the maximum total term of \(maxTotalYears) years must be from 1 year up to the statutory maximum of \(landUse.statutoryMaxYears) years for \(landUse.name.en) land",
                              zh: "最长出让总年限 \(maxTotalYears) 年须在 1 年至\(landUse.name.zh)法定最高年限 \(landUse.statutoryMaxYears) 年之间")
        }
        guard firstTermYears >= 1, firstTermYears <= maxTotalYears else {
            throw DomainError(code: "contract_first_term", field: "first_term_years",
                              en: "the first term of \(firstTermYears) years must be from 1 year up to the maximum total term of \(maxTotalYears) years",
                              zh: "首期出让年限 \(firstTermYears) 年须在 1 年至最长出让总年限 \(maxTotalYears) 年之间")
        }
        guard startDate >= signedOn else {
            throw DomainError(code: "contract_start_before_signing", field: "start_date",
                              en: "the term cannot start on \(startDate), before the contract was signed on \(signedOn)",
                              zh: "出让年限起始日 \(startDate) 不能早于合同签订日 \(signedOn)")
        }
        guard let auction else { return }
        guard let confirmed = auction.confirmedOn else {
            throw DomainError(code: "contract_unconfirmed", field: "signed_on",
                              en: "the deal of the auction on \(auction.date) has not been confirmed; the grant contract is signed after the confirmation",
                              zh: "\(auction.date) 拍卖的成交尚未确认；出让合同须在成交确认后签订")
        }
        guard signedOn >= confirmed else {
            throw DomainError(code: "contract_before_confirmation", field: "signed_on",
                              en: "the contract cannot be signed on \(signedOn), before the deal was confirmed on \(confirmed)",
                              zh: "出让合同签订日 \(signedOn) 不能早于成交确认日 \(confirmed)")
        }
    }

    /// Refuses an extension (N) below 0 (`extension_negative`) or one that takes the total term
    /// past `maxTotalYears` (`extension_exceeds_max_total`, naming the total); field
    /// `extension_years`.
    public func validateExtension(extensionYears: Int) throws(DomainError) {
        guard extensionYears >= 0 else {
            throw DomainError(code: "extension_negative", field: "extension_years",
                              en: "the extension cannot be negative (found \(extensionYears) years)",
                              zh: "续期年限不能为负数（当前为 \(extensionYears) 年）")
        }
        let (total, overflow) = firstTermYears.addingReportingOverflow(extensionYears)
        guard !overflow, total <= maxTotalYears else {
            throw DomainError(code: "extension_exceeds_max_total", field: "extension_years",
                              en: "\(firstTermYears) years + an extension of \(extensionYears) years = \(overflow ? "too many" : String(total)) years, beyond the maximum total term of \(maxTotalYears) years (at most \(max(0, maxTotalYears - firstTermYears)) years can be added)",
                              zh: "首期 \(firstTermYears) 年 + 续期 \(extensionYears) 年 = \(overflow ? "过多" : String(total)) 年，超过最长出让总年限 \(maxTotalYears) 年（最多可续 \(max(0, maxTotalYears - firstTermYears)) 年）")
        }
    }
}
