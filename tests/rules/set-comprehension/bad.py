unique = {word.lower() for word in words}
#        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ set-comprehension
odd = {x for x in range(10) if x % 2}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ set-comprehension
