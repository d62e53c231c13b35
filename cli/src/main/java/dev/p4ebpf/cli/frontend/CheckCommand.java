package dev.p4ebpf.cli.frontend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p4ebpf.cli.Command;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.diag.CompilerBug;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.print.P4Printer;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code p4ebpf check FILE...}: runs the frontend on each file and reports what it finds. */
public final class CheckCommand implements Command {
    private static final String BUILT_IN = "<built-in>/";

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String arguments() {
        return "FILE...";
    }

    @Override
    public String summary() {
        return "parse and type-check P4 programs; exit 0 when all are valid, 1 when any has errors";
    }

    @Override
    public Options options() {
        var o = FrontendOptionsParser.add(new Options());
        o.addOption(Option.builder().longOpt("format").argName("text|json").hasArg()
                .desc("how to print diagnostics: gcc-style text (default) or one JSON record per file").get());
        o.addOption(Option.builder().longOpt("print")
                .desc("print each valid program back as P4 (standard includes as #include lines)").get());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        if (line.getArgList().isEmpty()) {
            throw new UsageException("no input files");
        }
        String format = line.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format " + format + ": expected text or json");
        }
        FrontendOptions options = FrontendOptionsParser.parse(line);
        boolean json = format.equals("json");
        var printer = new DiagnosticPrinter(err);
        var mapper = new ObjectMapper();
        int status = OK;
        for (String file : line.getArgList()) {
            FrontendResult r;
            try {
                r = Frontend.compile(Path.of(file), file, options);
            } catch (CompilerBug bug) {
                err.println("internal compiler error: " + (bug.span().isNone() ? file : bug.span()) + ": "
                        + bug.getMessage() + " (a bug in p4ebpf; please report it with this input)");
                status = INTERNAL;
                continue;
            }
            if (json) {
                out.println(record(mapper, r));
            } else {
                r.diagnostics().forEach(printer::print);
                if (line.hasOption("print") && r.program().isPresent()) {
                    out.print(P4Printer.withIncludes(r.program().get(), CheckCommand::includeOf));
                }
            }
            if (!r.ok() && status == OK) {
                status = FAILED;
            }
        }
        return status;
    }

    /** The bundled include a declaration came from, to print it as an {@code #include}. */
    static String includeOf(Decl d) {
        String file = d.span().file();
        return file.startsWith(BUILT_IN) ? file.substring(BUILT_IN.length()) : null;
    }

    private static String record(ObjectMapper mapper, FrontendResult r) {
        ObjectNode rec = mapper.createObjectNode();
        rec.put("file", r.file());
        rec.put("ok", r.ok());
        ArrayNode diags = rec.putArray("diagnostics");
        for (Diagnostic d : r.diagnostics()) {
            ObjectNode n = diags.addObject();
            n.put("code", d.code().key());
            n.put("severity", d.severity().label());
            n.put("file", d.span().file());
            n.put("line", d.span().line());
            n.put("column", d.span().column());
            n.put("message", d.message());
        }
        return rec.toString();
    }
}
