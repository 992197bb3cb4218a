result = eval(expression)
#        ^^^^ eval-exec
value = eval("1 + 2", {"__builtins__": {}})
#       ^^^^ eval-exec
if code:
    exec(code, namespace)
   #^^^^ eval-exec
