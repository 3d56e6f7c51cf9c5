import Foundation
import PlayhubCLI

exit(Playhub.run(Array(CommandLine.arguments.dropFirst())))
