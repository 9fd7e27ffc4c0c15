#!/usr/bin/env bash
# Put a pull request's case studies into a checkout of the base branch, so that the base
# branch's own validator, schema, taxonomy and policy judge them. CI runs this script from the
# BASE checkout, never the pull request's copy of it (.github/workflows/pull-request.yml):
#
#   bash scripts/ci-stage-contribution.sh HEAD_CHECKOUT BASE_CHECKOUT
#
# BASE_CHECKOUT/practice/ is emptied and receives, from HEAD_CHECKOUT/practice/, only the
# regular files named *.yaml directly in that folder. A symlink is never followed (it could
# point at the runner's own files) and a folder, FIFO, device or file of another name is never
# read. Like the validator, it passes over README.md and hidden files that are not YAML
# (generator/load/files.py). Every other entry is refused: counted, named shell-escaped (names
# are untrusted: newlines, ESC, backticks, '|', '::' workflow commands) and the script exits 1,
# so nothing that the validator never saw can pass. The rest is still staged, so validation can
# report every other problem too.
set -euo pipefail
export LC_ALL=C # bytes, not characters: printf %q escapes every non-ASCII or invisible byte

if [ "$#" -ne 2 ]; then
  echo "usage: bash scripts/ci-stage-contribution.sh HEAD_CHECKOUT BASE_CHECKOUT" >&2
  exit 2
fi
source_dir="$1/practice"
target_dir="$2/practice"
if [ ! -f "$2/schema/taxonomy.yaml" ]; then
  echo "ci-stage-contribution: $2 is not a checkout of this repository (no schema/taxonomy.yaml)" >&2
  exit 2
fi

rm -rf -- "$target_dir"
mkdir -- "$target_dir"

refused=()
staged=0
if [ -L "$source_dir" ] || { [ -e "$source_dir" ] && [ ! -d "$source_dir" ]; }; then
  refused+=("practice") # the folder itself replaced by a symlink or a file
elif [ -d "$source_dir" ]; then
  shopt -s nullglob dotglob # every entry, hidden ones too (never . or ..)
  for entry in "$source_dir"/*; do
    name="${entry##*/}"
    if [ -L "$entry" ]; then
      refused+=("$name") # tested first: -f and -d follow symlinks
    elif [ -f "$entry" ] && [[ "$name" == *.yaml ]]; then
      cp -P -- "$entry" "$target_dir/$name"
      staged=$((staged + 1))
    elif [ "$name" = README.md ] || [[ "$name" == .* && "$name" != *.yaml && "$name" != *.yml ]]; then
      continue # not a case study to the validator either
    else
      refused+=("$name")
    fi
  done
fi

echo "ci-stage-contribution: staged $staged case-study files from the pull request"
count=${#refused[@]}
if [ "$count" -eq 0 ]; then
  exit 0
fi
# At most 50 names: the job summary holds 1 MiB. %q writes each on one line of printable ASCII,
# starting with $' or with the name's backticks escaped: no name can close the code block (a
# fence must start a line), and in the log each follows "refused: ", so none starts a command.
{
  echo "ci-stage-contribution: refused $count entries in practice/ that are not regular .yaml files:"
  for name in "${refused[@]:0:50}"; do
    printf '  refused: %q\n' "$name"
  done
} >&2
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo "## Entries in practice/ refused before validation"
    echo
    echo "$count entries are not regular \`.yaml\` files (a symlink, a folder or another kind of" \
      "file) and were not checked. Replace each with a plain case-study file. Names, shell-escaped:"
    echo
    echo '```text'
    for name in "${refused[@]:0:50}"; do
      printf '%q\n' "$name"
    done
    echo '```'
    echo
  } >>"$GITHUB_STEP_SUMMARY"
fi
exit 1
