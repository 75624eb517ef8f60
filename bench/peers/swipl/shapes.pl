% W3: closure behind conditions that share no variable with it, with tabling. Run: swipl shapes.pl DATA
% The conditions are wrapped in once/1, as a Prolog programmer writes them: without it every
% combination of flags and edges is a separate proof of each path.
:- initialization(main, main).
:- set_prolog_flag(table_space, 16_000_000_000).
:- dynamic edge/2, flag/2.
:- table path/2.
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z), once((flag(A, B), flag(B, A), A < B)), once((edge(_, _), edge(_, _), edge(_, _))).

main :-
    current_prolog_flag(argv, [Dir|_]),
    atom_concat(Dir, '/facts.lp', File),
    load_files(File, [silent(true)]),
    aggregate_all(count, path(_, _), N),
    format("path ~d~n", [N]).
