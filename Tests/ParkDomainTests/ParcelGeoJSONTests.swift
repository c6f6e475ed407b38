import Foundation
import ParkDomain
import XCTest

final class ParcelGeoJSONTests: XCTestCase {
    private let landUses: Set<String> = ["industrial", "rnd", "commercial"]

    private func p(_ lon: Double, _ lat: Double) -> GeoPoint { GeoPoint(longitude: lon, latitude: lat) }

    /// 0.002° × 0.003° at 31.3° N: 63,333.243135 m² (closed form, see GeodesyTests) = 95.0 mu.
    private func square(_ lon: Double = 120.7) -> [GeoPoint] {
        [p(lon, 31.3), p(lon + 0.002, 31.3), p(lon + 0.002, 31.303), p(lon, 31.303), p(lon, 31.3)]
    }

    private func parcels() -> [Parcel] {
        [
            Parcel(code: "SIP-2025-017", subArea: "金鸡湖 \"东\"", landUse: "industrial", declaredAreaM2: 63_333,
                   boundary: square(),
                   planning: PlanningConditions(plotRatioMin: 1.2, plotRatioMax: 2.5, buildingDensityMax: 0.6,
                                                greenRatioMin: 0.1, heightLimitMetres: 40, officeShareMax: 0.07)),
            Parcel(code: "苏园工_2025-18", subArea: "", landUse: "rnd", declaredAreaM2: 60_000, boundary: square(120.71)),
        ]
    }

    private func decode(_ json: String) -> ParcelGeoJSON.ImportResult {
        ParcelGeoJSON.decode(Data(json.utf8), landUses: landUses)
    }

    private func feature(_ properties: String, geometry: String? = nil) -> String {
        let ring = "[[120.7,31.3],[120.702,31.3],[120.702,31.303],[120.7,31.303],[120.7,31.3]]"
        return "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":\(geometry ?? "{\"type\":\"Polygon\",\"coordinates\":[\(ring)]}")}"
    }

    private func collection(_ features: String...) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}"
    }

    func testRoundTrip() {
        // given two parcels, one with every planning condition and text needing escapes
        let original = parcels()
        // when
        let result = ParcelGeoJSON.decode(ParcelGeoJSON.encode(original), landUses: landUses)
        // then
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.parcels, original)
    }

    func testEncodeWritesComputedAreaAndMismatch() throws {
        // given the two parcels: 63,333 declared vs 63,333.243135 computed (0.0004 % off);
        // 60,000 declared vs 63,333.24 computed: 3,333.24 ÷ 60,000 = 5.6 % off
        // when
        let data = ParcelGeoJSON.encode(parcels())
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let features = json["features"] as! [[String: Any]]
        let first = features[0]["properties"] as! [String: Any]
        let second = features[1]["properties"] as! [String: Any]
        let geometry = features[0]["geometry"] as! [String: Any]
        // then
        XCTAssertEqual(json["type"] as? String, "FeatureCollection")
        XCTAssertEqual(first["computed_area_m2"] as? Double, 63_333.24)
        XCTAssertEqual(first["area_mismatch"] as? Bool, false)
        XCTAssertEqual(second["area_mismatch"] as? Bool, true)
        XCTAssertEqual(first["sub_area"] as? String, "金鸡湖 \"东\"")
        XCTAssertTrue(second["plot_ratio_min"] is NSNull)
        XCTAssertEqual(Set(first.keys), Set(ParcelGeoJSON.properties))
        XCTAssertEqual(geometry["type"] as? String, "Polygon")
        let ring = (geometry["coordinates"] as! [[[Double]]])[0]
        XCTAssertEqual(ring[1], [120.702, 31.3])  // [longitude, latitude]
    }

    func testEncodeWritesExteriorRingsCounterclockwise() {
        // given a parcel whose ring runs clockwise
        var parcel = parcels()[0]
        parcel.boundary = parcel.boundary.reversed()
        // when
        let back = ParcelGeoJSON.decode(ParcelGeoJSON.encode([parcel]), landUses: landUses).parcels
        // then: written in the original (counterclockwise) order, as RFC 7946 requires
        XCTAssertEqual(back.first?.boundary, square())
    }

    func testDecodeAcceptsNumericTextAltitudeAndUnknownProperties() {
        // given numbers as text, a third coordinate, extra properties and a numeric code
        let ring = "[[120.7,31.3,5],[120.702,31.3,5],[120.702,31.303,5],[120.7,31.303,5],[120.7,31.3,5]]"
        let json = collection(feature(#""code": 2025017, "land_use": " industrial ", "declared_area_m2": "63333", "green_ratio_min": "0.15", "owner": "x", "plot_ratio_max": null"#,
                                      geometry: "{\"type\":\"Polygon\",\"coordinates\":[\(ring)]}"))
        // when
        let result = decode(json)
        // then
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.parcels.first?.code, "2025017")
        XCTAssertEqual(result.parcels.first?.landUse, "industrial")
        XCTAssertEqual(result.parcels.first?.declaredAreaM2, 63_333)
        XCTAssertEqual(result.parcels.first?.planning.greenRatioMin, 0.15)
        XCTAssertNil(result.parcels.first?.planning.plotRatioMax)
        XCTAssertEqual(result.parcels.first?.boundary, square())
    }

    func testDecodeCollectsEveryFaultPerFeature() {
        // given five features with faults
        let json = collection(
            feature(#""code": "A-1", "land_use": "industrial", "declared_area_m2": 63333"#),                 // 1: fine
            feature(#""code": "A-1", "land_use": "farm", "declared_area_m2": 0, "green_ratio_min": 35"#),    // 2
            feature(#""code": "B 2", "land_use": "industrial", "plot_ratio_min": 3, "plot_ratio_max": 2, "height_limit_m": true"#), // 3
            feature(#""code": "C-3", "land_use": "industrial", "declared_area_m2": 100"#,
                    geometry: #"{"type":"MultiPolygon","coordinates":[]}"#),                                 // 4
            "[1, 2]"                                                                                         // 5
        )
        // when
        let result = decode(json)
        let found = result.errors.map { "\($0.row) \($0.column ?? "-") \($0.code)" }
        // then
        XCTAssertEqual(result.parcels, [])
        XCTAssertEqual(found, [
            "2 land_use unknown_land_use", "2 declared_area_m2 declared_area_not_positive",
            "2 green_ratio_min planning_out_of_range", "2 code duplicate_in_file",
            "3 declared_area_m2 required", "3 height_limit_m not_a_number", "3 code parcel_code_format",
            "3 plot_ratio_min planning_min_above_max",
            "4 geometry geometry_type",
            "5 - not_a_feature",
        ])
        let duplicate = result.errors.first { $0.code == "duplicate_in_file" }
        XCTAssertTrue(duplicate?.message.en.contains("feature 1") == true)
        let share = result.errors.first { $0.code == "planning_out_of_range" }
        XCTAssertTrue(share?.message.en.contains("0.35") == true, share?.message.en ?? "")
    }

    func testHolesAreRefused() {
        // given a polygon with one inner ring
        let outer = "[[120.7,31.3],[120.702,31.3],[120.702,31.303],[120.7,31.303],[120.7,31.3]]"
        let hole = "[[120.7005,31.3005],[120.7005,31.301],[120.701,31.301],[120.7005,31.3005]]"
        let json = collection(feature(#""code": "H", "land_use": "industrial", "declared_area_m2": 60000"#,
                                      geometry: "{\"type\":\"Polygon\",\"coordinates\":[\(outer),\(hole)]}"))
        // when
        let result = decode(json)
        // then
        XCTAssertEqual(result.errors.map(\.code), ["geometry_holes"])
        XCTAssertEqual(result.errors.first?.column, "geometry")
        XCTAssertTrue(result.errors.first?.message.en.contains("1 hole") == true)
    }

    func testGeometryFaultsComeFromRingValidation() {
        // given an open ring, a missing geometry and a position that is not numbers
        let open = #"{"type":"Polygon","coordinates":[[[120.7,31.3],[120.702,31.3],[120.702,31.303],[120.7,31.303]]]}"#
        let text = #"{"type":"Polygon","coordinates":[[[120.7,31.3],["a",31.3],[120.702,31.303],[120.7,31.3]]]}"#
        let props = #""code": "G", "land_use": "industrial", "declared_area_m2": 60000"#
        // when
        let result = decode(collection(feature(props, geometry: open), feature(props.replacingOccurrences(of: "\"G\"", with: "\"G2\""), geometry: "null"),
                                       feature(props.replacingOccurrences(of: "\"G\"", with: "\"G3\""), geometry: text)))
        // then
        XCTAssertEqual(result.errors.map { "\($0.row) \($0.column ?? "-") \($0.code)" },
                       ["1 geometry boundary_not_closed", "2 geometry required", "3 geometry geometry_coordinates"])
        XCTAssertTrue(result.errors[2].message.en.contains("position 2"), result.errors[2].message.en)
    }

    func testFileLevelFaults() {
        // given / when / then
        let invalid = decode("{\"type\": \"FeatureCollection\", \"features\": [")
        XCTAssertEqual(invalid.errors.map(\.code), ["invalid_json"])
        XCTAssertEqual(invalid.errors.first?.row, 0)
        XCTAssertEqual(decode(feature(#""code": "A""#)).errors.map(\.code), ["not_feature_collection"])
        XCTAssertTrue(decode(feature(#""code": "A""#)).errors[0].message.en.contains("'Feature'"))
        XCTAssertEqual(decode("[]").errors.map(\.code), ["not_feature_collection"])
        XCTAssertEqual(decode(collection()).errors.map(\.code), ["no_features"])
        let big = ParcelGeoJSON.decode(Data(count: ParcelGeoJSON.maxBytes + 1), landUses: landUses)
        XCTAssertEqual(big.errors.map(\.code), ["too_large"])
        XCTAssertTrue(big.errors[0].message.en.contains("20 MB"))
    }
}
