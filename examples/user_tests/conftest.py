# symconv's pytest plugin registers the Hypothesis profile "symconv" (no deadline: SymPy's
# first call of a kind is slow); one line selects it for this suite.
import hypothesis

hypothesis.settings.load_profile("symconv")
