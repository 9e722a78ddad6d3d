export declare function numberToDecimalText(value: number): string;
export declare function percentText(decimalText: string): string;
