# bash completion for nogood: commands, each command's options, option values, files and folders.
# Self-contained (plain bash, no bash-completion helpers), so it also works when sourced directly;
# bash-completion loads it on demand from share/bash-completion/completions/nogood.

# The options each command takes (the others it refuses); nogood COMMAND --help describes them.
_nogood_options() {
  local inputs="--rules --facts --entities --accepted --texts --color --help" limits="--max-facts --max-seconds --max-memory --threads --engine"
  case $1 in
    check) echo "$inputs --rule --source --severity --fail-on --baseline --format --compact --no-proofs --output --quiet" \
                "--lang --timings --no-provenance --keep-going $limits" ;;
    explain) echo "$inputs --format --output --no-proofs --lang $limits" ;;
    lint) echo "$inputs --fail-on --format --quiet --fix --dry-run --check" ;;
    fix) echo "--facts --texts --dry-run --check --format --quiet --color --help" ;;
    quote) echo "--format --color --help" ;;
    compile) echo "$inputs --to --dialect --output --quiet" ;;
    query) echo "$inputs --pattern --count --format --output --lang --timings --no-provenance $limits" ;;
    entities) echo "$inputs --source --format --output --quiet --lang" ;;
    diff) echo "--format --output --fail-on --color --help" ;;
    accept) echo "--accepted --texts --color --help --reason --by --quiet --lang $limits" ;;
    embed) echo "$inputs --check --output --format --severity --source --rule --quiet --lang $limits" ;;
  esac
}

# Whether option $1 takes a value (in the next word, or after `=`).
_nogood_takes_value() {
  case $1 in
    --rules | --facts | --entities | --accepted | --texts | --rule | --source | --severity | --fail-on | --format | -f | \
      --output | -o | --color | --lang | --timings | --max-facts | --max-seconds | --max-memory | --threads | --engine | --reason | --by | --baseline | \
      --to | --dialect) return 0 ;;
  esac
  return 1
}

# Folders, to descend into, and the files matching any of the patterns (with none, every file).
_nogood_files() {
  local cur=$1 pattern IFS=$'\n'
  shift
  if (($# == 0)); then
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -d -- "$cur"))
    for pattern; do COMPREPLY+=($(compgen -f -X "!$pattern" -- "$cur")); done
  fi
  # Quote names and mark folders with a slash; fails harmlessly outside a completion.
  compopt -o filenames 2>/dev/null
  return 0
}

_nogood_folders() {
  local IFS=$'\n'
  COMPREPLY=($(compgen -d -- "$1"))
  compopt -o filenames 2>/dev/null
  return 0
}

_nogood() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} cmd=${COMP_WORDS[1]}
  # `--format=j` arrives as `--format` `=` `j` (`=` breaks words): complete what follows the `=`.
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && ((COMP_CWORD > 2)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  COMPREPLY=()

  if ((COMP_CWORD == 1)); then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "check explain lint query entities embed accept diff fix quote compile help" -- "$cur"))
    fi
    return 0
  fi
  case $cmd in
    check | explain | lint | query | entities | embed | accept | diff | fix | quote | compile) ;;
    help)
      ((COMP_CWORD == 2)) && COMPREPLY=($(compgen -W "check explain lint query entities embed accept diff fix quote compile" -- "$cur"))
      return 0 ;;
    *) return 0 ;;  # after --help, --version or an unknown command
  esac

  case $prev in
    --format | -f)
      case $cmd in
        check | explain) COMPREPLY=($(compgen -W "text json markdown html" -- "$cur")) ;;
        embed) COMPREPLY=($(compgen -W "markdown html" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
      esac
      return 0 ;;
    --severity) COMPREPLY=($(compgen -W "error warning info" -- "$cur")); return 0 ;;
    --fail-on)
      # lint's findings are warnings: only `warning` changes what it exits with.
      if [[ $cmd == lint ]]; then
        COMPREPLY=($(compgen -W "error warning" -- "$cur"))
      elif [[ $cmd == diff ]]; then
        COMPREPLY=($(compgen -W "new never" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "error warning info new never" -- "$cur"))
      fi
      return 0 ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return 0 ;;
    --to) COMPREPLY=($(compgen -W "sql" -- "$cur")); return 0 ;;
    --dialect) COMPREPLY=($(compgen -W "postgres duckdb spark" -- "$cur")); return 0 ;;
    --rules) _nogood_files "$cur" '*.rules'; return ;;
    --facts) _nogood_files "$cur" '*.json' '*.jsonl'; return ;;
    --entities | --accepted | --baseline) _nogood_files "$cur" '*.json'; return ;;
    --output | -o)
      if [[ $cmd == compile ]]; then _nogood_folders "$cur"; else _nogood_files "$cur"; fi
      return ;;
    --timings) _nogood_files "$cur"; return ;;
    --texts) _nogood_folders "$cur"; return ;;
  esac
  # Any other option that takes a value takes a free one (a name, an id, a number).
  _nogood_takes_value "$prev" && return 0

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_nogood_options "$cmd")" -- "$cur"))
    return 0
  fi

  # Which argument this is: count the words before it that are neither options nor their values.
  local i=2 n=0
  while ((i < COMP_CWORD)); do
    if _nogood_takes_value "${COMP_WORDS[i]}"; then
      [[ ${COMP_WORDS[i + 1]} == = ]] && ((++i))
      ((++i))
    elif [[ ${COMP_WORDS[i]} != -* ]]; then
      ((++n))
    fi
    ((++i))
  done
  case $cmd:$n in
    check:0 | entities:0 | compile:0 | explain:1 | query:1 | embed:1 | accept:1) _nogood_folders "$cur" ;;  # CORPUS
    lint:*) _nogood_files "$cur" '*.rules' ;;                                         # CORPUS or FILE.rules
    diff:*) _nogood_files "$cur" '*.json' ;;                                         # OLD.json NEW.json
    fix:*) _nogood_files "$cur" '*.json' '*.jsonl' ;;                                # CORPUS or facts files
    quote:1) _nogood_files "$cur" ;;                                                 # ARTICLE
    embed:0) _nogood_files "$cur" '*.md' '*.markdown' '*.html' '*.htm' ;;             # REPORT
  esac
  return 0
}

complete -F _nogood nogood
