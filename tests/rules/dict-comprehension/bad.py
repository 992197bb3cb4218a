squares = {x: x * x for x in range(10)}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dict-comprehension
inverse = {v: k for k, v in mapping.items() if v}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dict-comprehension
