import builtins

total = eval(expression)
#       ^^^^^^^^^^^^^^^^ eval-call
value = eval("1 + 2", {"__builtins__": {}})
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ eval-call
other = builtins.eval(source)
#       ^^^^^^^^^^^^^^^^^^^^^ eval-call


# Through an import of the builtin, aliased or not.
from builtins import eval as evaluate

value = evaluate(source)
#       ^^^^^^^^^^^^^^^^ eval-call
