by_age = sorted(people, key=lambda p: p.age)
#                       ^^^^^^^^^^^^^^^^^^^ sorted-key
by_name = sorted(people, key=attrgetter("name"), reverse=True)
#                        ^^^^^^^^^^^^^^^^^^^^^^ sorted-key
people.sort(key=lambda p: (p.last, p.first))
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ sorted-key
