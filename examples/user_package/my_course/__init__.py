"""A course built on symconv: its derivations live in my_course.proofs."""
