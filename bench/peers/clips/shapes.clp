; W3: closure behind conditions that share no variable with it, as forward-chaining RETE rules.
; Run: clips -f2 <(printf '(load* "shapes.clp")\n(main "DATA")\n(exit)\n')
(defrule path-base
  (edge ?x ?y)
  =>
  (assert (path ?x ?y)))

(defrule path-step
  (path ?x ?y)
  (edge ?y ?z)
  (exists (flag ?a ?b) (flag ?b ?a) (test (< ?a ?b)))
  (exists (edge ? ?))
  =>
  (assert (path ?x ?z)))

(deffunction main (?dir)
  (reset)
  (load-facts (str-cat ?dir "/clips.facts"))
  (run)
  (printout t "path " (length$ (find-all-facts ((?f path)) TRUE)) crlf))
