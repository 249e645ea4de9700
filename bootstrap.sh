#!/bin/sh
# Generate ./configure from configure.ac and the subdir.am fragments.
set -e
cd "$(dirname "$0")"
mkdir -p m4 build-aux
autoreconf -fi
