import builtins

total = eval(expression)
#       ^^^^^^^^^^^^^^^^ eval-call
value = eval("1 + 2", {"__builtins__": {}})
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ eval-call
other = builtins.eval(source)
#       ^^^^^^^^^^^^^^^^^^^^^ eval-call
