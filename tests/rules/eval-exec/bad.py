if code:
    exec(code, namespace)
   #^^^^ eval-exec
result = exec(source)
#        ^^^^ eval-exec
