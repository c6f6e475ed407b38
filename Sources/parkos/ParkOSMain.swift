import ArgumentParser
import ParkCLI

/// Entry point of the `parkos` executable.
@main
struct ParkOSMain {
    static func main() async {
        await ParkOSCommand.main(nil)
    }
}
