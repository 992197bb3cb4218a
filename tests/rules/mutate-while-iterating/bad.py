def prune(items, seen):
    for item in items:
        if item < 0:
            items.remove(item)
           #^^^^^^^^^^^^^^^^^^ mutate-while-iterating
    for key in seen:
        seen.pop(key)
       #^^^^^^^^^^^^^ mutate-while-iterating
    for index, item in enumerate(items):
        pass
    for item in self.queue:
        self.queue.append(item * 2)
       #^^^^^^^^^^^^^^^^^^^^^^^^^^^ mutate-while-iterating
    for item in items:
        del items[0]
       #^^^^^^^^^^^^ mutate-while-iterating
