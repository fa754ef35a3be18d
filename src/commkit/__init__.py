"""commkit: grow business communities of SMEs with the Perm Krai method.

The version is a literal here (not read through importlib.metadata) so that
``commkit --version`` stays fast.
"""

__version__ = "0.1.0"
