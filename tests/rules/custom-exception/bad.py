class PaymentError(Exception):
#     ^^^^^^^^^^^^ custom-exception
    pass


class CardDeclined(PaymentError):
#     ^^^^^^^^^^^^ custom-exception
    def __init__(self, code):
        super().__init__(f"declined: {code}")
        self.code = code


class Shutdown(BaseException):
#     ^^^^^^^^ custom-exception
    pass


class Timeout(requests.RequestException):
#     ^^^^^^^ custom-exception
    pass


class NotFound(LookupError, Mixin):
#     ^^^^^^^^ custom-exception
    pass
