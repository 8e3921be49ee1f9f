#!/bin/sh
# Trunk's post_build hook (Trunk.toml), for `make dist` and `make serve`: puts the story
# folder STORY (default: geodata) into the site being built as geodata/, the one folder
# the app fetches (src/ui/data.rs), so the code and index.html are the same for every
# story; then writes that story's static page into the built index.html
# (src/bin/prerender.rs), and its title, language and preloads (scripts/story-page.mjs).
# Trunk builds into a fresh staging folder and replaces dist/ with it whole, so nothing
# of a previous story is left behind.
#
#   STORY=tests/stories/villages trunk build
set -eu
stage=${TRUNK_STAGING_DIR:?this runs as the post_build hook of Trunk.toml}
story=${STORY:-geodata}
story=${story%/}
if [ ! -f "$story/story.json" ]; then
  echo "STORY=$story: no story.json in this folder (a story folder holds story.json, its article and its layers)" >&2
  exit 1
fi
rm -rf "$stage/geodata"
mkdir "$stage/geodata"
cp -R "$story/." "$stage/geodata/"
cargo run --quiet --bin prerender -- "$stage/geodata" "$stage/index.html"
node scripts/story-page.mjs "$stage"
