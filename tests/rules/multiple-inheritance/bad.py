class Duck(Flyer, Swimmer):
#     ^^^^ multiple-inheritance
    pass


class View(LoginRequiredMixin, generic.ListView):
#     ^^^^ multiple-inheritance
    pass


class Store(Base, Generic[T], metaclass=Meta):
#     ^^^^^ multiple-inheritance
    pass


class Diamond(B, C, D):
#     ^^^^^^^ multiple-inheritance
    pass
