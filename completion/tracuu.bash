# bash completion for tracuu-index and tracuu-query.
#
# Installed as share/bash-completion/completions/tracuu-index, with
# tracuu-query a link to it. Needs nothing from the bash-completion
# package. The options and the field prefixes are read from the
# program's --help, so they never fall behind it.

# The long and short options that "PROG --help" lists.
_tracuu_options ()
{
    "$1" --help 2>/dev/null \
        | sed -n 's/^  \(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\1\2/p' \
        | tr -d ',' | tr ' ' '\n'
}

# The field prefixes ("province:") in "tracuu-query --help": the first
# word of each indented line of the "Fields" section, up to its blank line.
_tracuu_fields ()
{
    "$1" --help 2>/dev/null \
        | sed -n '/^Fields/,/^$/p' \
        | sed -n 's/^  \([a-z_]*:\).*/\1/p' | sort -u
}

# Complete the last item of a comma-separated list.
_tracuu_list ()
{
    local cur=$1 prefix=
    shift
    case $cur in
        *,*) prefix=${cur%,*},; cur=${cur##*,} ;;
    esac
    COMPREPLY=($(compgen -P "$prefix" -W "$*" -- "$cur"))
    compopt -o nospace 2>/dev/null
}

_tracuu_index ()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}

    COMPREPLY=()
    case $prev in
        --db) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --encoding)
            COMPREPLY=($(compgen -W "utf-8 windows-1258 tcvn3 vni-windows
                         viscii utf-16le utf-16be" -- "$cur"))
            return ;;
        --format) COMPREPLY=($(compgen -W "json jsonl" -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        -j|--jobs) COMPREPLY=($(compgen -W "1 2 3 4 5 6 7 8" -- "$cur")); return ;;
        --max-size|--batch-size) return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_tracuu_options "${COMP_WORDS[0]}")" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
}

_tracuu_query ()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}

    COMPREPLY=()
    case $prev in
        --db) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --format)
            COMPREPLY=($(compgen -W "text json jsonl csv" -- "$cur"))
            return ;;
        --group-by)
            COMPREPLY=($(compgen -W "year quarter month province category
                         platform action" -- "$cur"))
            return ;;
        --sum) COMPREPLY=($(compgen -W "amount" -- "$cur")); return ;;
        --facet)
            _tracuu_list "$cur" province year category platform action
            return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        -n|--limit|--offset) return ;;
    esac
    # ':' breaks words for bash (COMP_WORDBREAKS): the word is read from
    # the line, and a value is completed after its colon.
    local word=${COMP_LINE:0:COMP_POINT} field values
    word=${word##*[[:space:]]}
    case $word in
        -*)
            COMPREPLY=($(compgen -W "$(_tracuu_options "${COMP_WORDS[0]}")" -- "$cur"))
            ;;
        *:*)
            field=${word%%:*}
            case $field in
                kind) values="report case" ;;
                action) values="fine takedown subscriber_lock warning prosecution" ;;
                platform) values="facebook tiktok youtube zalo instagram telegram
                                  twitter website" ;;
                category) values="false_information defamation superstition
                                  personal_data publishing gaming device_conformity
                                  counterfeit_smuggling fraud telecom_spam other" ;;
                *) return ;;
            esac
            COMPREPLY=($(compgen -W "$values" -- "${word#*:}"))
            [[ $COMP_WORDBREAKS == *:* ]] || COMPREPLY=("${COMPREPLY[@]/#/$field:}")
            ;;
        [a-z]*)
            COMPREPLY=($(compgen -W "$(_tracuu_fields "${COMP_WORDS[0]}")" -- "$word"))
            compopt -o nospace 2>/dev/null
            ;;
    esac
}

complete -F _tracuu_index tracuu-index
complete -F _tracuu_query tracuu-query
