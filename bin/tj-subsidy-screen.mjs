#!/usr/bin/env node
// tj-subsidy-screen: the command-line screener, installed from the packed tarball (see README,
// "The screener as a command"). dist-cli/ is built by scripts/pack-cli.mjs when the package is packed.
import '../dist-cli/screen.mjs';
