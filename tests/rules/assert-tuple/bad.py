def check(count, ready):
    assert (count > 0, "count must be positive")
   #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ assert-tuple
    assert ((ready,))
   #^^^^^^^^^^^^^^^^^ assert-tuple
