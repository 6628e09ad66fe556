"""lambda-explorer's Python runtime client: runs a Python handler over the Lambda Runtime API.

Written for the sandbox in the standard library alone, so no pip install is needed. It follows
AWS's own client, awslambdaric (github.com/aws/aws-lambda-python-runtime-interface-client,
bootstrap.py, lambda_context.py, lambda_runtime_log_utils.py, lambda_runtime_marshaller.py),
so that handlers see the same `context`, log lines come out in the same shape and error
payloads carry the same errorType, errorMessage and stackTrace. Where awslambdaric writes to
Lambda's telemetry file descriptor, this client writes to stdout, as awslambdaric itself does
when there is none (its StandardLogSink): an error's lines are joined by "\r" so that they stay
one log event.

Runs on Python 3.8 and later: no syntax or library newer than that.
"""

import importlib
import json
import logging
import os
import sys
import time
import traceback

ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type"
ERROR_LOG_LINE_TERMINATE = "\r"
ERROR_LOG_IDENT = "\u00a0"
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
UNHANDLED_WARNING = (
    "LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. "
    "However, in rare cases, a Lambda runtime update can cause unexpected function behavior. "
    "For functions using managed runtimes, runtime updates can be triggered by a function change, "
    "or can be applied automatically. To determine if the runtime has been updated, check the "
    "runtime version in the INIT_START log entry. If this error correlates with a change in the "
    "runtime version, you may be able to mitigate this error by temporarily rolling back to the "
    "previous runtime version. For more information, see "
    "https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html\r"
)
# Record attributes that JsonFormatter does not copy into a JSON log record (awslambdaric's list).
RESERVED_FIELDS = {
    "name", "msg", "args", "levelname", "levelno", "pathname", "filename", "module",
    "exc_info", "exc_text", "stack_info", "lineno", "funcName", "created", "msecs",
    "relativeCreated", "thread", "threadName", "processName", "process", "aws_request_id",
    "tenant_id", "_frame_type", "taskName",
}  # fmt: skip

_request_id = None


class FaultException(Exception):
    MARSHAL_ERROR = "Runtime.MarshalError"
    UNMARSHAL_ERROR = "Runtime.UnmarshalError"
    USER_CODE_SYNTAX_ERROR = "Runtime.UserCodeSyntaxError"
    HANDLER_NOT_FOUND = "Runtime.HandlerNotFound"
    IMPORT_MODULE_ERROR = "Runtime.ImportModuleError"
    BUILT_IN_MODULE_CONFLICT = "Runtime.BuiltInModuleConflict"
    MALFORMED_HANDLER_NAME = "Runtime.MalformedHandlerName"
    LAMBDA_CONTEXT_UNMARSHAL_ERROR = "Runtime.LambdaContextUnmarshalError"

    def __init__(self, exception_type, msg, trace=None):
        super().__init__(msg)
        self.msg = msg
        self.exception_type = exception_type
        self.trace = trace


# --- JSON, as Lambda's marshaller writes it -------------------------------------------------


def _json_encoder():
    # Lambda's python3.12 and later runtimes write non-ASCII text as is; older ones escape it.
    modern = os.environ.get("AWS_EXECUTION_ENV", "") in {
        "AWS_Lambda_python3.12",
        "AWS_Lambda_python3.13",
        "AWS_Lambda_python3.14",
    }
    return json.JSONEncoder(ensure_ascii=not modern, allow_nan=True)


def to_json(obj):
    """JSON text of a handler's result. Decimals are written as their exact digits, as Lambda's
    simplejson-based marshaller does ("1.10" stays 1.10); the standard json module cannot write
    raw numbers, so each Decimal goes through a unique placeholder string that is then replaced."""
    found = {}
    token = os.urandom(16).hex()

    def default(o):
        # Imported here, only for results JSON cannot hold as they are: it costs a cold start.
        import decimal

        if isinstance(o, decimal.Decimal):
            if o.is_nan():
                return float("nan")
            key = "%s%d" % (token, len(found))
            found[key] = str(o)
            return key
        raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)

    encoder = _json_encoder()
    encoder.default = default
    text = encoder.encode(obj)
    for key, digits in found.items():
        text = text.replace('"%s"' % key, digits, 1)
    return text


# --- context ---------------------------------------------------------------------------------


class _Slots(object):
    __slots__ = ()

    def __init__(self, values):
        for field in self.__slots__:
            setattr(self, field, values.get(field, None))

    def __repr__(self):
        fields = ",".join("%s=%s" % (f, getattr(self, f)) for f in self.__slots__)
        return "%s([%s])" % (self.__class__.__name__, fields)


class CognitoIdentity(_Slots):
    __slots__ = ["cognito_identity_id", "cognito_identity_pool_id"]


class Client(_Slots):
    __slots__ = [
        "installation_id",
        "app_title",
        "app_version_name",
        "app_version_code",
        "app_package_name",
    ]


class ClientContext(_Slots):
    __slots__ = ["custom", "env", "client"]


class LambdaContext(object):
    """The handler's `context`, with the attributes and method of Lambda's Python runtime."""

    def __init__(self, invoke_id, client_context, cognito_identity, deadline_ms, invoked_function_arn):
        self.aws_request_id = invoke_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        # A string, as on Lambda (it comes from the environment).
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.tenant_id = None
        self.client_context = None
        if client_context is not None:
            self.client_context = ClientContext(client_context)
            if self.client_context.client is not None:
                self.client_context.client = Client(self.client_context.client)
        self.identity = CognitoIdentity({})
        if cognito_identity is not None:
            self.identity.cognito_identity_id = cognito_identity.get("cognitoIdentityId")
            self.identity.cognito_identity_pool_id = cognito_identity.get("cognitoIdentityPoolId")
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        left = self._deadline_ms - int(time.time() * 1000)
        return left if left > 0 else 0

    def log(self, msg):
        sys.stdout.write(str(msg))

    def __repr__(self):
        return (
            "LambdaContext([aws_request_id=%s,log_group_name=%s,log_stream_name=%s,function_name=%s,"
            "memory_limit_in_mb=%s,function_version=%s,invoked_function_arn=%s,client_context=%s,"
            "identity=%s,tenant_id=%s])"
            % (
                self.aws_request_id,
                self.log_group_name,
                self.log_stream_name,
                self.function_name,
                self.memory_limit_in_mb,
                self.function_version,
                self.invoked_function_arn,
                self.client_context,
                self.identity,
                self.tenant_id,
            )
        )


def _parse_json_header(value, name):
    try:
        return json.loads(value)
    except Exception as e:
        raise FaultException(
            FaultException.LAMBDA_CONTEXT_UNMARSHAL_ERROR,
            "Unable to parse {} JSON: {}".format(name, str(e)),
        )


# --- logging ---------------------------------------------------------------------------------


class Unbuffered(object):
    """stdout and stderr are pipes to the sandbox: each write goes out at once, so a line is in
    the log before the invocation that wrote it ends (awslambdaric does the same)."""

    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, attr):
        return getattr(self.stream, attr)

    def write(self, msg):
        n = self.stream.write(msg)
        self.stream.flush()
        return n

    def writelines(self, msgs):
        self.stream.writelines(msgs)
        self.stream.flush()


class LambdaLoggerHandler(logging.Handler):
    def emit(self, record):
        sys.stdout.write(self.format(record))


class LambdaLoggerFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _request_id or ""
        record.tenant_id = None
        return True


def _level_of(record):
    return min(50, max(0, record.levelno)) // 10 * 10


class JsonFormatter(logging.Formatter):
    """A JSON log record per call, with the fields and order awslambdaric writes."""

    def __init__(self):
        super().__init__(datefmt=DATETIME_FORMAT)

    def format(self, record):
        record.levelno = _level_of(record)
        record.levelname = logging.getLevelName(record.levelno)
        exc = record.exc_info
        result = {
            "timestamp": self.formatTime(record, self.datefmt),
            "level": record.levelname,
            "message": record.getMessage(),
            "logger": record.name,
            "stackTrace": traceback.format_tb(exc[2]) if exc else None,
            "errorType": exc[0].__name__ if exc else None,
            "errorMessage": str(exc[1]) if exc else None,
            "requestId": getattr(record, "aws_request_id", None),
            "location": "%s:%s:%s" % (record.pathname, record.funcName, record.lineno) if exc else None,
        }
        for key, value in record.__dict__.items():
            if key not in RESERVED_FIELDS and key not in result:
                result[key] = value
        result = {k: v for k, v in result.items() if v is not None}
        return json.JSONEncoder(ensure_ascii=False, default=str).encode(result) + "\n"


def _log_format_is_json():
    return (os.environ.get("AWS_LAMBDA_LOG_FORMAT") or "").upper() == "JSON"


def setup_logging():
    logging.Formatter.converter = time.gmtime
    handler = LambdaLoggerHandler()
    if _log_format_is_json():
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(
            logging.Formatter(
                "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n",
                "%Y-%m-%dT%H:%M:%S",
            )
        )
    raw = os.environ.get("AWS_LAMBDA_LOG_LEVEL")
    level = {None: "", "TRACE": "DEBUG"}.get(raw, raw).upper()
    root = logging.getLogger()
    if level in logging._nameToLevel:
        root.setLevel(level)
    handler.addFilter(LambdaLoggerFilter())
    root.addHandler(handler)


def _indent(line):
    n = len(line) - len(line.lstrip(" "))
    return ERROR_LOG_IDENT * n + line[n:]


def log_error(error):
    """The `[ERROR]` log event Lambda writes for an uncaught exception or an init failure."""
    if _log_format_is_json():
        record = {"timestamp": time.strftime(DATETIME_FORMAT, time.gmtime()), "log_level": "ERROR"}
        record.update(error)
        sys.stdout.write(to_json(record) + "\n")
        return
    description = "[ERROR]"
    if error.get("errorType"):
        description += " " + error["errorType"]
    if error.get("errorMessage"):
        if error.get("errorType"):
            description += ":"
        description += " " + error["errorMessage"]
    lines = [description]
    if error.get("stackTrace") is not None:
        lines.append("Traceback (most recent call last):")
        for element in error["stackTrace"]:
            if element == "":
                lines.append("")
            else:
                lines.extend(_indent(line) for line in element.splitlines())
    sys.stdout.write(ERROR_LOG_LINE_TERMINATE.join(lines) + "\n")


# --- the handler -----------------------------------------------------------------------------


def get_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError as e:
        raise FaultException(FaultException.MALFORMED_HANDLER_NAME, "Bad handler '{}': {}".format(handler, str(e)))
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise FaultException(
                FaultException.BUILT_IN_MODULE_CONFLICT,
                "Cannot use built-in module {} as a handler module".format(modname),
            )
        # "pkg/mod.fn" names the module pkg.mod, as Lambda allows.
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as e:
        raise FaultException(
            FaultException.IMPORT_MODULE_ERROR,
            "Unable to import module '{}': {}".format(modname, str(e)),
        )
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise FaultException(
            FaultException.USER_CODE_SYNTAX_ERROR,
            "Syntax error in module '{}': {}".format(modname, str(e)),
            trace,
        )
    try:
        return getattr(module, fname)
    except AttributeError:
        raise FaultException(
            FaultException.HANDLER_NOT_FOUND,
            "Handler '{}' missing on module '{}'".format(fname, modname),
        )


def make_error(message, error_type, stack_trace, invoke_id=None):
    return {
        "errorMessage": message if message else "",
        "errorType": error_type if error_type else "",
        "requestId": invoke_id if invoke_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def _user_frames(tb):
    """The traceback from the first frame that is not this client's, as Lambda leaves out its
    own bootstrap frames."""
    frames = traceback.extract_tb(tb)
    here = os.path.abspath(__file__)
    for i, frame in enumerate(frames):
        if os.path.abspath(frame.filename) != here:
            return traceback.format_list(frames[i:])
    return traceback.format_list(frames)


# --- the Runtime API -------------------------------------------------------------------------


class Headers(dict):
    """Response headers by lower-case name, looked up in any case."""

    def get(self, name, default=None):
        return dict.get(self, name.lower(), default)


class Response(object):
    def __init__(self, status, headers):
        self.status = status
        self.headers = headers


class RuntimeClient(object):
    """One kept-alive HTTP/1.1 connection to the Runtime API, reopened if the server closed it.

    Plain sockets rather than http.client: importing http.client (with email and ssl) took
    longer than all the rest of a cold start, for four requests the client ever makes."""

    def __init__(self, address):
        host, _, port = address.rpartition(":")
        self.host = host
        self.port = int(port)
        self.sock = None
        self.reader = None

    def _connect(self):
        import socket

        self.sock = socket.create_connection((self.host, self.port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb")

    def _close(self):
        if self.sock is not None:
            self.reader.close()
            self.sock.close()
        self.sock = None
        self.reader = None

    def _request(self, method, path, body=b"", headers=None):
        lines = ["%s %s HTTP/1.1" % (method, path), "Host: %s:%d" % (self.host, self.port)]
        lines.append("Content-Length: %d" % len(body))
        lines.extend("%s: %s" % item for item in (headers or {}).items())
        request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        for attempt in (0, 1):
            fresh = self.sock is None
            if fresh:
                self._connect()
            try:
                self.sock.sendall(request)
                return self._response()
            except (OSError, EOFError):
                self._close()
                # Only a kept-alive connection the server had closed is worth one more try.
                if fresh or attempt == 1:
                    raise

    def _response(self):
        status_line = self.reader.readline()
        if not status_line:
            raise EOFError("the Runtime API closed the connection")
        status = int(status_line.split()[1])
        headers = Headers()
        while True:
            line = self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        # The sandbox's Runtime API always sends a Content-Length (it never streams a body).
        body = self.reader.read(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self._close()
        return Response(status, headers), body

    def next(self):
        response, body = self._request("GET", "/2018-06-01/runtime/invocation/next")
        if response.status != 200:
            raise RuntimeError("Runtime API /invocation/next answered %d: %r" % (response.status, body))
        return response, body

    def post_result(self, invoke_id, body, content_type):
        self._post("/2018-06-01/runtime/invocation/%s/response" % invoke_id, body, {"Content-Type": content_type})

    def post_error(self, invoke_id, error):
        path = "/2018-06-01/runtime/invocation/%s/error" % invoke_id
        self._post(path, to_json(error).encode("utf-8"), {ERROR_TYPE_HEADER: error["errorType"]})

    def post_init_error(self, error):
        path = "/2018-06-01/runtime/init/error"
        self._post(path, to_json(error).encode("utf-8"), {ERROR_TYPE_HEADER: error["errorType"]})

    def _post(self, path, body, headers):
        headers = dict(headers)
        headers.setdefault("Content-Type", "application/json")
        response, data = self._request("POST", path, body, headers)
        if response.status != 202:
            raise RuntimeError("Runtime API %s answered %d: %r" % (path, response.status, data))


def handle_invocation(client, handler, response, body):
    global _request_id
    headers = response.headers
    invoke_id = headers.get("Lambda-Runtime-Aws-Request-Id")
    _request_id = invoke_id
    trace_id = headers.get("Lambda-Runtime-Trace-Id")
    if trace_id is not None:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    error = None
    try:
        client_context = headers.get("Lambda-Runtime-Client-Context")
        identity = headers.get("Lambda-Runtime-Cognito-Identity")
        context = LambdaContext(
            invoke_id,
            _parse_json_header(client_context, "Client Context") if client_context else None,
            _parse_json_header(identity, "Cognito Identity") if identity else None,
            int(headers.get("Lambda-Runtime-Deadline-Ms") or 0),
            headers.get("Lambda-Runtime-Invoked-Function-Arn"),
        )
        content_type = headers.get("Content-Type") or "application/json"
        if content_type == "application/json":
            try:
                event = json.loads(body)
            except Exception as e:
                raise FaultException(FaultException.UNMARSHAL_ERROR, "Unable to unmarshal input: {}".format(str(e)))
        else:
            event = body
        result = handler(event, context)
        if isinstance(result, bytes):
            payload, result_type = result, "application/unknown"
        else:
            try:
                payload, result_type = to_json(result).encode("utf-8"), "application/json"
            except Exception as e:
                raise FaultException(FaultException.MARSHAL_ERROR, "Unable to marshal response: {}".format(str(e)))
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace, invoke_id)
    except Exception:
        etype, value, tb = sys.exc_info()
        error = make_error(str(value), etype.__name__, _user_frames(tb), invoke_id)
    if error is not None:
        log_error(error)
        client.post_error(invoke_id, error)
    else:
        client.post_result(invoke_id, payload, result_type)


def add_site_packages():
    """The sandbox starts Python with -S: the machine's .pth files (some import whole packages)
    made a cold start several times slower. Its site-packages (a venv's, when the interpreter is
    one) still come after the code folder on sys.path, as Lambda's runtime packages do, so what
    the machine has installed (boto3, say) imports; only .pth files are not run."""
    import site

    exe_dir = os.path.dirname(sys.executable)
    prefixes = [sys.prefix]
    for d in (exe_dir, os.path.dirname(exe_dir)):
        if os.path.isfile(os.path.join(d, "pyvenv.cfg")):
            prefixes.insert(0, d)
            break
    paths = site.getsitepackages(prefixes)
    if not sys.flags.no_user_site:
        paths.append(site.getusersitepackages())
    for path in paths:
        if os.path.isdir(path) and path not in sys.path:
            sys.path.append(path)


def main():
    sys.stdout = Unbuffered(sys.stdout)
    sys.stderr = Unbuffered(sys.stderr)
    # Lambda's /var/task is read-only, so no __pycache__ appears there; nor may one appear in the
    # user's code folder, where it would also look like a change of code to the sandbox.
    sys.dont_write_bytecode = True
    # The function's own modules come first, as on Lambda (LAMBDA_TASK_ROOT is /var/task there).
    task_root = os.environ.get("LAMBDA_TASK_ROOT") or os.getcwd()
    # Python put this client's own folder first; the handler's modules are not looked up there.
    if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
        sys.path.pop(0)
    sys.path.insert(0, task_root)
    if sys.flags.no_site:
        add_site_packages()
    client = RuntimeClient(os.environ["AWS_LAMBDA_RUNTIME_API"])
    error = None
    try:
        setup_logging()
        handler = get_handler(os.environ.get("_HANDLER", ""))
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace)
    except Exception:
        etype, value, tb = sys.exc_info()
        error = make_error(str(value), etype.__name__, _user_frames(tb))
    if error is not None:
        logging.warning(UNHANDLED_WARNING)
        log_error(error)
        client.post_init_error(error)
        sys.exit(1)
    while True:
        response, body = client.next()
        handle_invocation(client, handler, response, body)


if __name__ == "__main__":
    main()
