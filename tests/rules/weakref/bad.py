import weakref
#      ^^^^^^^ weakref

ref = weakref.ref(obj)
#     ^^^^^^^^^^^ weakref
cache = weakref.WeakValueDictionary()
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^ weakref
finalizer = weakref.finalize(obj, cleanup)
#           ^^^^^^^^^^^^^^^^ weakref
